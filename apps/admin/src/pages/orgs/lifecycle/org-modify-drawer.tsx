import { Alert, App, Form } from 'antd';
import { useState } from 'react';
import type { OrgDetail } from '@gonghui/contracts';
import { orgLifecycleApi } from '../../../api/org-lifecycle';
import { FormAlert } from '../../../components/form-alert';
import { changedFields } from '../../../utils/diff';
import { applyFormError } from '../../../utils/form-errors';
import { FormDrawer } from '../form-drawer';
import { OrgFormFields } from '../org-form-fields';

const formValues = (org: OrgDetail) => ({
  name: org.name,
  foundedOn: org.foundedOn ?? undefined,
  baseUnionType: org.baseUnionType ?? undefined,
  termRenewalOn: org.termRenewalOn ?? undefined,
  chairName: org.chairName ?? undefined,
  phone: org.phone ?? undefined,
  headcount: org.headcount ?? undefined,
  mergedUnion: org.mergedUnion ?? undefined,
  address: org.address ?? undefined,
});

/** 修改 (seed 002 §2): the union's fields, prefilled; the changes go to the upper union for review. */
export function OrgModifyDrawer({ org, open, onOpenChange, onSubmitted }: { org: OrgDetail; open: boolean; onOpenChange: (o: boolean) => void; onSubmitted: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  return (
    <FormDrawer
      title={`修改：${org.name}`}
      form={form}
      name="org-modify"
      open={open}
      onOpenChange={onOpenChange}
      initialValues={formValues(org)}
      submitter={{ searchConfig: { submitText: '提交审核', resetText: '取消' } }}
      onFinish={async (values) => {
        setError(null);
        const body = changedFields(values, formValues(org));
        if (Object.keys(body).length === 0) {
          message.info('未作任何修改');
          return false;
        }
        try {
          const change = await orgLifecycleApi.modify(org.id, { ...body, version: org.version });
          message.success(`已提交，等待「${change.waitingFor.join('、')}」审核；审核通过后生效`);
          onSubmitted();
          return true;
        } catch (e) {
          setError(applyFormError(form, e));
          return false;
        }
      }}
    >
      <Alert type="info" showIcon message="修改提交后由上级工会（街镇/产业工会）审核，审核通过前组织信息保持不变。" style={{ marginBottom: 16 }} />
      <FormAlert message={error} />
      <OrgFormFields kind={org.kind} mode="edit" orgCodeVirtual={org.orgCodeVirtual} hideCodes />
    </FormDrawer>
  );
}
