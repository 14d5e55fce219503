import { Button, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { SessionInfo } from '@gonghui/contracts';
import { authApi } from '../api/auth';
import { applyFormError } from '../utils/form-errors';
import { FormAlert } from './form-alert';
import { NewPasswordFields } from './new-password-fields';
import { PasswordRules } from './password-rules';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Current + new + confirm password; the server's PASSWORD_WEAK reasons land on the new-password field. */
export function ChangePasswordForm({ username, onChanged }: { username: string; onChanged: (s: SessionInfo) => void }) {
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (v: Values) => authApi.changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: (session) => {
      form.resetFields();
      onChanged(session);
    },
    onError: (error) =>
      setFormError(
        applyFormError(form, error, {
          codeFields: { PASSWORD_WRONG: 'currentPassword', PASSWORD_WEAK: 'newPassword', PASSWORD_REUSED: 'newPassword' },
        }),
      ),
  });

  return (
    <div style={{ maxWidth: 560 }}>
      <PasswordRules />
      <Form<Values>
        form={form}
        name="change-password"
        layout="vertical"
        onFinish={(values) => {
          setFormError(null);
          change.mutate(values);
        }}
      >
        {/* Lets password managers pair the new password with the account. */}
        <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
        <Form.Item label="原密码" name="currentPassword" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <NewPasswordFields username={{ value: username }} />
        <FormAlert message={formError} />
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          保存
        </Button>
      </Form>
    </div>
  );
}
