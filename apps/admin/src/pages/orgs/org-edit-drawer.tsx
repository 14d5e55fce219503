import { DrawerForm } from '@ant-design/pro-components';
import { App, Button, Form } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { OrgDetail } from '@gonghui/contracts';
import { ApiError } from '../../api/client';
import { orgsApi, type UpdateOrgBody } from '../../api/orgs';
import { FormAlert } from '../../components/form-alert';
import { applyFormError } from '../../utils/form-errors';
import { changedFields } from '../../utils/diff';
import { OrgFormFields } from './org-form-fields';

interface Props {
  org: OrgDetail;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: (org: OrgDetail) => void;
}

function formValues(org: OrgDetail) {
  return {
    name: org.name,
    // A generated (virtual) code is not a real one: the field starts empty, to be filled when known.
    orgCode: org.orgCodeVirtual ? undefined : org.orgCode,
    uscc: org.uscc ?? undefined,
    foundedOn: org.foundedOn ?? undefined,
    baseUnionType: org.baseUnionType ?? undefined,
    termRenewalOn: org.termRenewalOn ?? undefined,
    chairName: org.chairName ?? undefined,
    phone: org.phone ?? undefined,
    headcount: org.headcount ?? undefined,
    mergedUnion: org.mergedUnion ?? undefined,
    address: org.address ?? undefined,
  };
}

/**
 * "编辑": the organisation's fields, saved with its version (a stale version is refused).
 * The parent mounts it afresh (new key) for every opening, so each opening starts clean.
 */
export function OrgEditDrawer({ org, open, onOpenChange, onSaved }: Props) {
  const [form] = Form.useForm();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [version, setVersion] = useState(org.version);
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  const reload = async () => {
    const fresh = await queryClient.fetchQuery({ queryKey: ['org', org.id], queryFn: () => orgsApi.get(org.id), staleTime: 0 });
    form.resetFields();
    form.setFieldsValue(formValues(fresh));
    setVersion(fresh.version);
    setConflict(false);
    setFormError(null);
    message.info('已载入最新数据，请重新修改');
  };

  return (
    <DrawerForm
      title={`编辑组织：${org.name}`}
      form={form}
      name="org-edit"
      open={open}
      onOpenChange={onOpenChange}
      initialValues={formValues(org)}
      width={640}
      layout="vertical"
      drawerProps={{ maskClosable: false, destroyOnHidden: true }}
      submitter={{ searchConfig: { submitText: '保存', resetText: '取消' } }}
      onFinish={async (values) => {
        setFormError(null);
        try {
          const changes = changedFields(values as Record<string, unknown>, formValues(org));
          if (Object.keys(changes).length === 0) {
            message.info('未作任何修改');
            return true;
          }
          const saved = await orgsApi.update(org.id, { ...changes, version } as UpdateOrgBody);
          message.success('已保存');
          onSaved(saved);
          return true;
        } catch (error) {
          if (error instanceof ApiError && error.code === 'CONFLICT') {
            setConflict(true);
            setFormError('数据已被他人修改，请刷新后重试');
          } else {
            setFormError(applyFormError(form, error));
          }
          return false;
        }
      }}
    >
      <FormAlert
        message={formError}
        action={
          conflict ? (
            <Button size="small" onClick={() => void reload()}>
              刷新数据
            </Button>
          ) : undefined
        }
      />
      <OrgFormFields kind={org.kind} mode="edit" orgCodeVirtual={org.orgCodeVirtual} />
    </DrawerForm>
  );
}
