import { ModalForm, ProFormDigit, ProFormSelect, ProFormTextArea } from '@ant-design/pro-components';
import { Alert, Button, Form } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { roleLabels, roles, type OrgDetail } from '@gonghui/contracts';
import { orgsApi, type IssuedActivationCode } from '../../api/orgs';
import { FormAlert } from '../../components/form-alert';
import { applyFormError } from '../../utils/form-errors';

interface Props {
  org: OrgDetail;
  onIssued: (code: IssuedActivationCode) => void;
}

/** "签发激活码": role, validity and a note; the code itself comes back once. */
export function IssueCodeModal({ org, onIssued }: Props) {
  const [form] = Form.useForm();
  const [formError, setFormError] = useState<string | null>(null);
  return (
    <ModalForm
      title="签发岗位激活码"
      form={form}
      name="issue-code"
      width={520}
      layout="vertical"
      trigger={
        <Button type="primary" icon={<PlusOutlined />} disabled={org.status !== 'active'}>
          签发激活码
        </Button>
      }
      initialValues={{ role: 'operator', validDays: 7 }}
      modalProps={{ destroyOnHidden: true, maskClosable: false, onCancel: () => setFormError(null) }}
      submitter={{ searchConfig: { submitText: '签发', resetText: '取消' } }}
      onFinish={async (values) => {
        setFormError(null);
        try {
          const issued = await orgsApi.issueActivationCode(org.id, {
            role: values.role,
            validDays: values.validDays,
            note: values.note || null,
          });
          form.resetFields();
          onIssued(issued);
          return true;
        } catch (error) {
          setFormError(applyFormError(form, error));
          return false;
        }
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={`为“${org.name}”签发岗位激活码`}
        description="激活码只能使用一次。请通过可靠渠道交给该组织的经办人，由其注册账号后在“我的岗位”中绑定。"
      />
      <FormAlert message={formError} />
      <ProFormSelect
        name="role"
        label="岗位角色"
        width="md"
        rules={[{ required: true, message: '请选择岗位角色' }]}
        options={roles.map((r) => ({ label: roleLabels[r], value: r }))}
      />
      <ProFormDigit
        name="validDays"
        label="有效天数"
        width="sm"
        min={1}
        max={30}
        fieldProps={{ precision: 0 }}
        rules={[{ required: true, message: '请填写有效天数' }]}
        extra="1–30天，过期自动作废"
      />
      <ProFormTextArea name="note" label="备注" fieldProps={{ maxLength: 200, showCount: true, rows: 2 }} placeholder="如：交给张三（经办人）" />
    </ModalForm>
  );
}
