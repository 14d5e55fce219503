import { ModalForm, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { Alert, Descriptions, Form, type ButtonProps } from 'antd';
import { useState } from 'react';
import { formatYuan, mutualAidEnrolmentKindLabels, type MutualAidEnrolmentDetail, type MutualAidEnrolmentKind } from '@gonghui/contracts';
import { ApiError } from '../../api/client';
import { FormAlert } from '../../components/form-alert';
import { applyFormError } from '../../utils/form-errors';
import { mobileRule, requiredRule } from '../../utils/rules';

export interface ApplyValues {
  operatorName: string;
  operatorPhone: string;
  note?: string;
}

interface Props {
  title: string;
  orgName: string;
  year: number;
  kind: MutualAidEnrolmentKind;
  count: number;
  amountFen: number;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  initialValues?: Partial<ApplyValues>;
  /** Sends the form (with the count the operator saw); throws the server's refusal. */
  send: (values: ApplyValues) => Promise<MutualAidEnrolmentDetail>;
  onDone: (detail: MutualAidEnrolmentDetail) => void;
  /** The list changed under the operator: reload it so they can check it again. */
  onStale: () => void;
}

/** 填写操作人、手机号、申请备注 → 立即申请 (seed 000 第二步). Mounted afresh per opening. */
export function ApplyModal({ title, orgName, year, kind, count, amountFen, open, onOpenChange, initialValues, send, onDone, onStale }: Props) {
  const [form] = Form.useForm<ApplyValues>();
  const [formError, setFormError] = useState<string | null>(null);
  return (
    <ModalForm<ApplyValues>
      title={title}
      form={form}
      name="mutual-aid-apply"
      width={560}
      layout="vertical"
      open={open}
      initialValues={initialValues}
      onOpenChange={onOpenChange}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      submitter={{ searchConfig: { submitText: '立即申请', resetText: '取消' }, submitButtonProps: { 'data-testid': 'mutual-aid-apply' } as ButtonProps }}
      onFinish={async (values) => {
        setFormError(null);
        try {
          onDone(await send(values));
          return true;
        } catch (error) {
          if (error instanceof ApiError && error.code === 'MUTUAL_AID_ROSTER_CHANGED') onStale();
          setFormError(applyFormError(form, error));
          return false;
        }
      }}
    >
      <Descriptions
        size="small"
        bordered
        column={2}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'org', label: '入会单位', children: orgName, span: 2 },
          { key: 'year', label: '保障年度', children: `${year}年度` },
          { key: 'kind', label: '入会类型', children: mutualAidEnrolmentKindLabels[kind] },
          { key: 'count', label: '入会人数', children: <strong data-testid="apply-count">{count} 人</strong> },
          { key: 'amount', label: '缴费金额', children: <strong>{formatYuan(amountFen)} 元</strong> },
        ]}
      />
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message="提交后名单即冻结并报上级工会审核"
        description="审核通过前可以撤回；一旦审核通过，将不可撤回，本年度也不能再次提交单位入会，请核对名单后提交。"
      />
      <FormAlert message={formError} />
      <ProFormText name="operatorName" label="操作人" rules={[requiredRule('请填写操作人')]} fieldProps={{ maxLength: 30 }} />
      <ProFormText name="operatorPhone" label="手机号" rules={[mobileRule]} fieldProps={{ maxLength: 11, inputMode: 'numeric' }} />
      <ProFormTextArea name="note" label="申请备注" fieldProps={{ maxLength: 200, showCount: true, rows: 3 }} />
    </ModalForm>
  );
}
