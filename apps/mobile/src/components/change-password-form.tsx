import { Button, Form, Input } from 'antd-mobile';
import { useState } from 'react';
import { checkPassword, passwordPolicy, type SessionInfo } from '@gonghui/contracts';
import { errorMessage } from '../api/client';
import { authApi } from '../api/endpoints';
import { showFieldIssues } from '../hooks/form-errors';
import { useSession, useSetSession } from '../hooks/session';
import { FormError } from './form-error';

/**
 * 修改密码: the current one, and a new one under the platform's rules. The member app's 修改密码
 * and the merchant app's forced first change (初始密码) both use it.
 */
export function ChangePasswordForm({ currentLabel = '原密码', currentPlaceholder = '当前登录密码', submitText = '确认修改', onChanged }: { currentLabel?: string; currentPlaceholder?: string; submitText?: string; onChanged: (s: SessionInfo) => void }) {
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string; confirm: string }>();
  const session = useSession();
  const setSession = useSetSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setError(null);
    const v = form.getFieldsValue();
    if (!v.currentPassword) return form.setFields([{ name: 'currentPassword', errors: [`请输入${currentLabel}`] }]);
    const pw = checkPassword(v.newPassword ?? '', session.data?.account.username);
    if (!pw.ok) return form.setFields([{ name: 'newPassword', errors: [pw.reasons.join('；')] }]);
    if (v.newPassword !== v.confirm) return form.setFields([{ name: 'confirm', errors: ['两次输入的密码不一致'] }]);
    setBusy(true);
    try {
      const s = await authApi.changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      setSession(s);
      onChanged(s);
    } catch (e) {
      if (!showFieldIssues(form, e)) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <FormError message={error} />
      <Form form={form} layout="horizontal" footer={null} requiredMarkStyle="none" className="plain-form">
        <Form.Item name="currentPassword" label={currentLabel}>
          <Input type="password" placeholder={currentPlaceholder} autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码">
          <Input type="password" placeholder="设置新密码" autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label="确认新密码">
          <Input type="password" placeholder="再次输入新密码" autoComplete="new-password" />
        </Form.Item>
      </Form>
      <p className="muted small-note page-margin">
        密码{passwordPolicy.minLength}–{passwordPolicy.maxLength}位，含大写字母、小写字母、数字、符号中至少{passwordPolicy.minClasses}类，不能包含账号，不能是常见弱密码。
      </p>
      <div className="page-pad">
        <Button block color="primary" size="large" loading={busy} onClick={submit} className="primary-cta">
          {submitText}
        </Button>
      </div>
    </>
  );
}
