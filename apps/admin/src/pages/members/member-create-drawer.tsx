import { Alert, App, Form } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { MemberDetail } from '@gonghui/contracts';
import { ApiError } from '../../api/client';
import { membersApi, type CreateMemberBody } from '../../api/members';
import { FormAlert } from '../../components/form-alert';
import { nullifyEmpty } from '../../utils/diff';
import { applyFormError } from '../../utils/form-errors';
import { FormDrawer } from '../orgs/form-drawer';
import { MemberFormFields } from './member-form-fields';
import { documentFacts } from './member-utils';

interface Props {
  orgId: string;
  orgName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (member: MemberDetail) => void;
}

/** The person already belongs to a union: said in a box of its own, not as a field error. */
interface Membership {
  title: string;
  message: string;
  hint: string;
}

function membershipProblem(error: unknown): Membership | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'PERSON_IN_OTHER_UNION')
    return { title: '此人已是其他工会的会员', message: error.message, hint: '一人只能在一个基层工会登记会籍。如其已到本单位工作，请由原工会办理转出，或通过转会办理转入本工会。' };
  if (error.code === 'ALREADY_MEMBER')
    return { title: '此人已是本工会会员', message: error.message, hint: '无需重复新增，可在会员列表中按证件号码查到并修改其信息。' };
  return null;
}

/** "新增会员" for the active post's base (or joint) union; mounted afresh for every opening. */
export function MemberCreateDrawer({ orgId, orgName, open, onOpenChange, onCreated }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  const [taken, setTaken] = useState<Membership | null>(null);
  const topRef = useRef<HTMLDivElement>(null);

  // A refusal is shown at the top of the form: bring it into view from the 保存 button below.
  useEffect(() => {
    if (formError || taken) topRef.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }, [formError, taken]);

  return (
    <FormDrawer
      title="新增会员"
      width={760}
      form={form}
      name="member-create"
      open={open}
      onOpenChange={onOpenChange}
      initialValues={{ idType: 'resident_id' }}
      onValuesChange={(changed: Record<string, unknown>) => {
        if (taken && ('idNumber' in changed || 'idType' in changed)) setTaken(null);
      }}
      onFinish={async (values: Record<string, unknown>) => {
        setFormError(null);
        setTaken(null);
        const body = nullifyEmpty(values);
        // Where the number fixes sex and birth date, they come from it (the server derives them too).
        const facts = documentFacts(body.idType as CreateMemberBody['idType'], body.idNumber as string);
        if (facts.derived) {
          body.sex = facts.sex ?? null;
          body.birthDate = facts.birthDate ?? null;
        }
        try {
          const created = await membersApi.create(orgId, body as CreateMemberBody);
          message.success(`已新增会员：${created.name}（会员编号 ${created.memberNo}）`);
          onCreated(created);
          return true;
        } catch (error) {
          const problem = membershipProblem(error);
          if (problem) {
            setTaken(problem);
            form.setFields([{ name: 'idNumber', errors: [problem.title] }]);
          } else {
            setFormError(applyFormError(form, error));
          }
          return false;
        }
      }}
    >
      <div ref={topRef} />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`所属工会：${orgName}`} description="证件类型为居民身份证时，输入正确的证件号码后自动显示性别和出生日期。" />
      {taken && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="member-taken"
          style={{ marginBottom: 16 }}
          message={<strong>{taken.title}</strong>}
          description={
            <>
              <div style={{ fontSize: 15, fontWeight: 500 }}>{taken.message}</div>
              <div className="muted" style={{ marginTop: 4 }}>
                {taken.hint}
              </div>
            </>
          }
        />
      )}
      <FormAlert message={formError} />
      <MemberFormFields form={form} orgId={orgId} />
    </FormDrawer>
  );
}
