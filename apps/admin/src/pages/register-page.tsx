import { Button, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { registerBodySchema } from '@gonghui/contracts';
import { authApi } from '../api/auth';
import { FormAlert } from '../components/form-alert';
import { NewPasswordFields } from '../components/new-password-fields';
import { PasswordRules } from '../components/password-rules';
import { PhoneVerificationFields } from '../components/phone-verification-fields';
import { SmsSimulatorLink } from '../components/sms-simulator-link';
import { useApplySession } from '../hooks/use-session';
import { AuthLayout } from '../layout/auth-layout';
import { applyFormError } from '../utils/form-errors';
import { zodRule } from '../utils/rules';

interface RegisterValues {
  username: string;
  name: string;
  phone: string;
  captchaAnswer: string;
  smsCode: string;
  password: string;
  confirmPassword: string;
}

export function RegisterPage() {
  const [form] = Form.useForm<RegisterValues>();
  const applySession = useApplySession();
  const [formError, setFormError] = useState<string | null>(null);

  const register = useMutation({
    mutationFn: (v: RegisterValues) =>
      authApi.register({ username: v.username, name: v.name, phone: v.phone, smsCode: v.smsCode, password: v.password }),
    onSuccess: (session) => applySession(session, { resetData: true }),
    onError: (error) =>
      setFormError(
        applyFormError(form, error, {
          codeFields: { USERNAME_TAKEN: 'username', SMS_CODE_INVALID: 'smsCode', PASSWORD_WEAK: 'password' },
          aliases: { newPassword: 'password' },
        }),
      ),
  });

  return (
    <AuthLayout title="注册账号" width={520}>
      <PasswordRules />
      <Form<RegisterValues>
        form={form}
        name="register"
        layout="vertical"
        onFinish={(values) => {
          setFormError(null);
          register.mutate(values);
        }}
      >
        <Form.Item label="用户名" name="username" required rules={[zodRule(registerBodySchema.shape.username)]} extra="4–64位，可使用字母、数字及 _ . @ -">
          <Input size="large" autoComplete="username" maxLength={64} />
        </Form.Item>
        <Form.Item label="姓名" name="name" required rules={[zodRule(registerBodySchema.shape.name)]}>
          <Input size="large" autoComplete="name" maxLength={32} />
        </Form.Item>
        <PhoneVerificationFields purpose="register" phoneLabel="手机号" setFormError={setFormError} />
        <NewPasswordFields name="password" label="密码" confirmLabel="确认密码" username={{ field: 'username' }} size="large" />
        <FormAlert message={formError} />
        <Button type="primary" htmlType="submit" size="large" block loading={register.isPending}>
          注册
        </Button>
      </Form>
      <div className="auth-links">
        <Link to="/login">已有账号？返回登录</Link>
        <SmsSimulatorLink />
      </div>
    </AuthLayout>
  );
}
