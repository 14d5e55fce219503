import { Form } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { OrgDetail } from '@gonghui/contracts';
import { orgsApi, type UpdateOrgBody } from '../../api/orgs';
import { FormDrawer } from './form-drawer';
import { OrgFormFields } from './org-form-fields';
import { useVersionedSave } from './use-versioned-save';

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
  const queryClient = useQueryClient();
  const save = useVersionedSave({
    form,
    record: org,
    toFormValues: formValues,
    send: (body) => orgsApi.update(org.id, body as UpdateOrgBody),
    reload: () => queryClient.fetchQuery({ queryKey: ['org', org.id], queryFn: () => orgsApi.get(org.id), staleTime: 0 }),
    onSaved,
  });

  return (
    <FormDrawer
      title={`编辑组织：${org.name}`}
      form={form}
      name="org-edit"
      open={open}
      onOpenChange={onOpenChange}
      initialValues={formValues(org)}
      onFinish={save.onFinish}
    >
      {save.alert}
      <OrgFormFields kind={org.kind} mode="edit" orgCodeVirtual={org.orgCodeVirtual} />
    </FormDrawer>
  );
}
