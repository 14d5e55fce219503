import { Button, Form, Input, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { checkPassword, passwordPolicy } from '@gonghui/contracts';
import { errorMessage } from '../api/client';
import { authApi } from '../api/endpoints';
import { FormError } from '../components/form-error';
import { NavPage } from '../components/nav-page';
import { showFieldIssues } from '../hooks/form-errors';
import { useSession, useSetSession } from '../hooks/session';

/** 修改密码: the current one, and a new one under the platform's rules. */
export default function ChangePasswordPage() {
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string; confirm: string }>();
  const session = useSession();
  const setSession = useSetSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setError(null);
    const v = form.getFieldsValue();
    if (!v.currentPassword) return form.setFields([{ name: 'currentPassword', errors: ['请输入原密码'] }]);
    const pw = checkPassword(v.newPassword ?? '', session.data?.account.username);
    if (!pw.ok) return form.setFields([{ name: 'newPassword', errors: [pw.reasons.join('；')] }]);
    if (v.newPassword !== v.confirm) return form.setFields([{ name: 'confirm', errors: ['两次输入的密码不一致'] }]);
    setBusy(true);
    try {
      setSession(await authApi.changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword }));
      Toast.show({ icon: 'success', content: '密码已修改' });
      navigate('/me', { replace: true });
    } catch (e) {
      if (!showFieldIssues(form, e)) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <NavPage title="修改密码">
      <FormError message={error} />
      <Form form={form} layout="horizontal" footer={null} requiredMarkStyle="none" className="plain-form">
        <Form.Item name="currentPassword" label="原密码">
          <Input type="password" placeholder="当前登录密码" autoComplete="current-password" />
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
          确认修改
        </Button>
      </div>
    </NavPage>
  );
}
