import { ProFormDependency, ProFormSelect } from '@ant-design/pro-components';
import { Alert, App, Form } from 'antd';
import { useState } from 'react';
import { allowedChildKinds, orgKindLabels, type OrgDetail, type OrgKind } from '@gonghui/contracts';
import { orgsApi, type CreateOrgBody } from '../../api/orgs';
import { FormAlert } from '../../components/form-alert';
import { applyFormError } from '../../utils/form-errors';
import { nullifyEmpty } from '../../utils/diff';
import { FormDrawer } from './form-drawer';
import { OrgFormFields } from './org-form-fields';

interface Props {
  parent: OrgDetail;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (org: OrgDetail) => void;
}

/**
 * "新建下级组织": the kinds offered follow allowedChildKinds of the parent's kind.
 * The parent mounts it afresh (new key) for every opening.
 */
export function OrgCreateDrawer({ parent, open, onOpenChange, onCreated }: Props) {
  const [form] = Form.useForm();
  const [formError, setFormError] = useState<string | null>(null);
  const { message } = App.useApp();
  const kinds = allowedChildKinds[parent.kind];

  return (
    <FormDrawer
      title="新建下级组织"
      form={form}
      name="org-create"
      open={open}
      onOpenChange={onOpenChange}
      initialValues={kinds.length === 1 ? { kind: kinds[0] } : {}}
      onFinish={async (values) => {
        setFormError(null);
        try {
          const created = await orgsApi.createChild(parent.id, nullifyEmpty(values as Record<string, unknown>) as CreateOrgBody);
          message.success(`已新建：${created.name}（组织机构代码 ${created.orgCode}）`);
          onCreated(created);
          return true;
        } catch (error) {
          setFormError(applyFormError(form, error, { codeFields: { ORG_CODE_TAKEN: 'orgCode', CHILD_KIND_NOT_ALLOWED: 'kind' } }));
          return false;
        }
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`上级组织：${parent.name}（${orgKindLabels[parent.kind]}）`} />
      <FormAlert message={formError} />
      <ProFormSelect
        name="kind"
        label="组织类型"
        width="md"
        rules={[{ required: true, message: '请选择组织类型' }]}
        options={kinds.map((k) => ({ label: orgKindLabels[k], value: k }))}
        fieldProps={{ placeholder: '请选择组织类型' }}
      />
      <ProFormDependency name={['kind']}>
        {({ kind }) => <OrgFormFields kind={kind as OrgKind | undefined} mode="create" />}
      </ProFormDependency>
    </FormDrawer>
  );
}
