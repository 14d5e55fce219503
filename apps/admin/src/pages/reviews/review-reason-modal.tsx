import { ModalForm, ProFormTextArea } from '@ant-design/pro-components';
import { Alert, Form, type ButtonProps } from 'antd';
import { useState } from 'react';
import { FormAlert } from '../../components/form-alert';
import { requiredRule } from '../../utils/rules';

export interface ReasonModalSpec {
  title: string;
  /** One sentence on what happens, shown above the reason. */
  notice: string;
  noticeType: 'info' | 'warning';
  label: string;
  placeholder: string;
  required: boolean;
  okText: string;
  danger?: boolean;
}

interface Props {
  spec: ReasonModalSpec;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Sends the decision; answers the error message to show in the modal, or null when done. */
  onSubmit: (reason: string | undefined) => Promise<string | null>;
}

/** 同意 / 退回 / 撤回: one reason (required for a return, optional otherwise), at most 200 characters. */
export function ReviewReasonModal({ spec, open, onOpenChange, onSubmit }: Props) {
  const [form] = Form.useForm<{ reason?: string }>();
  const [formError, setFormError] = useState<string | null>(null);
  return (
    <ModalForm<{ reason?: string }>
      title={spec.title}
      form={form}
      name="review-reason"
      width={520}
      layout="vertical"
      open={open}
      onOpenChange={(next) => {
        if (!next) setFormError(null);
        onOpenChange(next);
      }}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      submitter={{ searchConfig: { submitText: spec.okText, resetText: '取消' }, submitButtonProps: { danger: spec.danger, 'data-testid': 'review-reason-ok' } as ButtonProps }}
      onFinish={async ({ reason }) => {
        setFormError(null);
        const problem = await onSubmit(reason?.trim() || undefined);
        setFormError(problem);
        return problem === null;
      }}
    >
      <Alert type={spec.noticeType} showIcon style={{ marginBottom: 16 }} message={spec.notice} />
      <FormAlert message={formError} />
      <ProFormTextArea
        name="reason"
        label={spec.label}
        placeholder={spec.placeholder}
        rules={[...(spec.required ? [requiredRule(`请填写${spec.label}`)] : []), { max: 200, message: `${spec.label}不能超过200个字符` }]}
        fieldProps={{ maxLength: 200, showCount: true, rows: 4, autoFocus: true, 'data-testid': 'review-reason' } as object}
      />
    </ModalForm>
  );
}
