import { ModalForm, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { Alert, App, Descriptions, Form, type FormInstance, type FormRule } from 'antd';
import { useState } from 'react';
import { checkIdNumber, idTypeLabels, idTypes, type IdType, type Transfer } from '@gonghui/contracts';
import { transfersApi, type TransferInBody } from '../../api/transfers';
import { FormAlert } from '../../components/form-alert';
import { applyFormError } from '../../utils/form-errors';
import { requiredRule } from '../../utils/rules';

/** The document number checked by its type's rule, as the server checks it. */
const idNumberRule = (form: FormInstance): FormRule => ({
  validator: async (_rule, value: unknown) => {
    if (value === undefined || value === null || String(value).trim() === '') throw new Error('请填写证件号码');
    const r = checkIdNumber(String(value), (form.getFieldValue('idType') as IdType | undefined) ?? 'resident_id');
    if (!r.ok) throw new Error(r.reason);
  },
});

interface Props {
  orgId: string;
  orgName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSubmitted: (transfer: Transfer) => void;
}

/**
 * 转入会员 (seed 002 4.2): a member of another union, named by name and document, asked to move
 * here; the releasing side reviews it. Mounted afresh for every opening.
 */
export function TransferInModal({ orgId, orgName, open, onOpenChange, onSubmitted }: Props) {
  const [form] = Form.useForm<TransferInBody>();
  const { message } = App.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  return (
    <ModalForm<TransferInBody>
      title="转入会员"
      form={form}
      name="transfer-in"
      width={560}
      layout="vertical"
      open={open}
      onOpenChange={onOpenChange}
      initialValues={{ idType: 'resident_id' }}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      submitter={{ searchConfig: { submitText: '提交转会审核', resetText: '取消' } }}
      onFinish={async (values) => {
        setFormError(null);
        try {
          const transfer = await transfersApi.transferIn(orgId, { ...values, name: values.name.trim(), idNumber: values.idNumber.trim() });
          message.success(`已提交${transfer.name}的转会申请，等待${transfer.fromOrgName}审核`);
          onSubmitted(transfer);
          return true;
        } catch (error) {
          setFormError(applyFormError(form, error));
          return false;
        }
      }}
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }} items={[{ key: 'org', label: '转入到', children: <strong>{orgName}</strong> }]} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="从其他工会转入一名会员"
        description="姓名和证件号码须与会员库一致。提交后由此人所在工会（或其上级工会）审核，审核期间显示为“转会中”，同意后转入本工会。"
      />
      <FormAlert message={formError} />
      <ProFormText name="name" label="姓名" rules={[requiredRule('请填写姓名'), { max: 50, message: '姓名不能超过50个字符' }]} fieldProps={{ maxLength: 50, autoFocus: true }} width="md" />
      <ProFormSelect
        name="idType"
        label="证件类型"
        width="md"
        allowClear={false}
        options={idTypes.map((t) => ({ label: idTypeLabels[t], value: t }))}
        rules={[{ required: true, message: '请选择证件类型' }]}
        fieldProps={{ onChange: () => form.getFieldValue('idNumber') && void form.validateFields(['idNumber']).catch(() => undefined) }}
      />
      <ProFormText name="idNumber" label="证件号码" width="md" required rules={[idNumberRule(form)]} validateTrigger="onBlur" fieldProps={{ maxLength: 64, className: 'mono' }} />
      <ProFormTextArea
        name="reason"
        label="转入原因"
        rules={[requiredRule('请填写转入原因'), { max: 200, message: '转入原因不能超过200个字符' }]}
        placeholder="如：已调入本单位工作"
        fieldProps={{ maxLength: 200, showCount: true, rows: 3 }}
      />
    </ModalForm>
  );
}
