import { Form } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { MemberDetail } from '@gonghui/contracts';
import { memberKey, membersApi, type UpdateMemberBody } from '../../api/members';
import { FormDrawer } from '../orgs/form-drawer';
import { useVersionedSave } from '../orgs/use-versioned-save';
import { MemberFormFields } from './member-form-fields';
import { storedDocumentEncodesFacts } from './member-utils';

interface Props {
  member: MemberDetail;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: (member: MemberDetail) => void;
}

/**
 * The form's view of a member. The phone is known only masked, so its field starts empty and
 * an empty field leaves it as it is; sex and birth date are fields only where the document does
 * not fix them.
 */
function formValues(m: MemberDetail) {
  const facts = storedDocumentEncodesFacts(m.idType, m.idNumberMasked) ? {} : { sex: m.sex, birthDate: m.birthDate };
  return {
    name: m.name,
    ...facts,
    education: m.education ?? undefined,
    householdType: m.householdType ?? undefined,
    migrantWorker: m.migrantWorker ?? undefined,
    skillLevel: m.skillLevel ?? undefined,
    address: m.address ?? undefined,
    idExpiresOn: m.idExpiresOn ?? undefined,
    unionPost: m.unionPost ?? undefined,
    workUnitId: m.workUnitId ?? undefined,
    joinedOn: m.joinedOn ?? undefined,
    remark: m.remark ?? undefined,
  };
}

/** "编辑会员": saved with the member's version; mounted afresh (new key) for every opening. */
export function MemberEditDrawer({ member, open, onOpenChange, onSaved }: Props) {
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const save = useVersionedSave({
    form,
    record: member,
    toFormValues: formValues,
    send: (body) => {
      // An empty phone field means "unchanged" (the number is only known masked).
      const { phone, ...rest } = body;
      return membersApi.update(member.id, (phone ? { ...rest, phone } : rest) as UpdateMemberBody);
    },
    reload: () => queryClient.fetchQuery({ queryKey: memberKey(member.id), queryFn: () => membersApi.get(member.id), staleTime: 0 }),
    onSaved,
  });

  return (
    <FormDrawer
      title={`编辑会员：${member.name}（${member.memberNo}）`}
      width={760}
      form={form}
      name="member-edit"
      open={open}
      onOpenChange={onOpenChange}
      initialValues={formValues(member)}
      onFinish={save.onFinish}
    >
      {save.alert}
      <MemberFormFields form={form} orgId={member.orgId} member={member} />
    </FormDrawer>
  );
}
