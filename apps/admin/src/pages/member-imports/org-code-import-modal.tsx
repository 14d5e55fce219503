import { ModalForm, ProFormText } from '@ant-design/pro-components';
import { Alert, Descriptions, Form, type FormRule } from 'antd';
import { useState } from 'react';
import { checkOrgCode } from '@gonghui/contracts';
import { memberImportsApi } from '../../api/member-imports';
import { FormAlert } from '../../components/form-alert';
import { applyFormError } from '../../utils/form-errors';
import { useOpenSubmitted } from './use-open-submitted';

/** The code checked by the server's own rule, in its words (length, characters, check digit). */
const orgCodeRule: FormRule = {
  validator: async (_rule, value: unknown) => {
    const r = checkOrgCode(typeof value === 'string' ? value : '');
    if (!r.ok) throw new Error(r.reason);
  },
};

interface Props {
  orgId: string;
  orgName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * "组织机构代码导入会员" (seed 002 4.1 3): people in the member registry bound to an organisation
 * code become a task; its page previews them, and 确认导入 brings them into this union.
 */
export function OrgCodeImportModal({ orgId, orgName, open, onOpenChange }: Props) {
  const [form] = Form.useForm<{ orgCode: string }>();
  const [formError, setFormError] = useState<string | null>(null);
  const openSubmitted = useOpenSubmitted();

  return (
    <ModalForm<{ orgCode: string }>
      title="组织机构代码导入会员"
      form={form}
      name="org-code-import"
      width={520}
      layout="vertical"
      open={open}
      onOpenChange={(next) => {
        if (!next) setFormError(null);
        onOpenChange(next);
      }}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      submitter={{ searchConfig: { submitText: '查询', resetText: '取消' } }}
      onFinish={async ({ orgCode }) => {
        setFormError(null);
        const checked = checkOrgCode(orgCode);
        if (!checked.ok) return false;
        try {
          openSubmitted(await memberImportsApi.byOrgCode(orgId, checked.value), '该组织机构代码已提交过，已为您打开原任务');
          return true;
        } catch (error) {
          setFormError(applyFormError(form, error));
          return false;
        }
      }}
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }} items={[{ key: 'org', label: '导入到', children: <strong>{orgName}</strong> }]} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="查找会员库中绑定该组织机构代码、尚未加入本工会的人员"
        description="查询结果在任务页面逐人预览（新增、更新、冲突），核对无误后点击“确认导入”才会加入本工会。如果查不到人员，说明会员库中没有绑定此代码的人员。"
      />
      <FormAlert message={formError} />
      <ProFormText
        name="orgCode"
        label="组织机构代码"
        width="md"
        placeholder="9位代码，如 D2143569X"
        rules={[orgCodeRule]}
        validateTrigger="onBlur"
        fieldProps={{ maxLength: 20, autoFocus: true, className: 'mono' }}
        extra="8位本体代码加1位校验码；统一社会信用代码的第9–17位即组织机构代码"
      />
    </ModalForm>
  );
}
