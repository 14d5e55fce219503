import { ModalForm, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { Alert, Form, type ButtonProps } from 'antd';
import { useState } from 'react';
import { idTypeLabels, idTypes, type ReviewDetail, type ReviewSubjectType } from '@gonghui/contracts';
import { FormAlert } from '../../components/form-alert';
import { requiredRule } from '../../utils/rules';

/** Names of the submitted fields a person corrects; 'reason' depends on what was submitted. */
const fieldLabels: Record<string, string> = {
  name: '姓名',
  idNumber: '证件号码',
  phone: '手机号',
  workUnitName: '工作单位',
  address: '联系地址',
  remark: '备注',
  operatorName: '操作人',
  note: '申请备注',
};
const reasonLabels: Partial<Record<ReviewSubjectType, string>> = { member_transfer: '转会原因', member_application: '申请说明' };
const labelOf = (key: string, type: ReviewSubjectType) => (key === 'reason' ? (reasonLabels[type] ?? '申请说明') : (fieldLabels[key] ?? key));

/** Identifiers (targetOrgId, ...) are chosen elsewhere, not typed: they go back as they were. */
const editable = (key: string, value: unknown) => typeof value === 'string' && !/Id$/.test(key);
/** The returning step's reason, so the submitter sees what to correct. */
const returnReason = (review: ReviewDetail) => review.steps.find((s) => s.status === 'returned')?.reason ?? null;

interface Props {
  review: ReviewDetail;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Sends the corrected payload; answers the error message to show, or null when done. */
  onSubmit: (payload: Record<string, unknown>) => Promise<string | null>;
}

/** 修改后重新提交: what was submitted, prefilled and editable (text fields), sent again for review. */
export function ReviewResubmitModal({ review, open, onOpenChange, onSubmit }: Props) {
  const [form] = Form.useForm<Record<string, string>>();
  const [formError, setFormError] = useState<string | null>(null);
  const keys = Object.keys(review.payload).filter((k) => editable(k, review.payload[k]));
  const initial = Object.fromEntries(keys.map((k) => [k, review.payload[k] as string]));
  const why = returnReason(review);

  return (
    <ModalForm<Record<string, string>>
      title="修改后重新提交"
      form={form}
      name="review-resubmit"
      width={600}
      layout="vertical"
      open={open}
      initialValues={initial}
      onOpenChange={(next) => {
        if (!next) setFormError(null);
        onOpenChange(next);
      }}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      submitter={{ searchConfig: { submitText: '重新提交', resetText: '取消' }, submitButtonProps: { 'data-testid': 'review-resubmit-ok' } as ButtonProps }}
      onFinish={async (values) => {
        setFormError(null);
        const edited = Object.fromEntries(keys.map((k) => [k, (values[k] ?? '').trim()]));
        const problem = await onSubmit({ ...review.payload, ...edited });
        setFormError(problem);
        return problem === null;
      }}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message={why ? `退回原因：${why}` : '该申请已被退回'}
        description="请按退回原因修改后重新提交，审核从第一步重新开始。"
      />
      <FormAlert message={formError} />
      {keys.length === 0 && <Alert type="info" message="该申请没有可修改的文字内容，可直接重新提交。" style={{ marginBottom: 16 }} />}
      {keys.map((k) => {
        const label = labelOf(k, review.subjectType);
        if (k === 'idType')
          return (
            <ProFormSelect key={k} name={k} label="证件类型" allowClear={false} options={idTypes.map((t) => ({ label: idTypeLabels[t], value: t }))} rules={[{ required: true, message: '请选择证件类型' }]} />
          );
        if (k === 'reason')
          return (
            <ProFormTextArea
              key={k}
              name={k}
              label={label}
              rules={[...(review.subjectType === 'member_transfer' ? [requiredRule(`请填写${label}`)] : []), { max: 200, message: `${label}不能超过200个字符` }]}
              fieldProps={{ maxLength: 200, showCount: true, rows: 3 }}
            />
          );
        return <ProFormText key={k} name={k} label={label} fieldProps={{ maxLength: 200, className: k === 'idNumber' ? 'mono' : undefined }} />;
      })}
    </ModalForm>
  );
}
