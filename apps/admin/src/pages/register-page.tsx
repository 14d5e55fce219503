import { Button, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { registerBodySchema } from '@gonghui/contracts';
import { authApi } from '../api/auth';
import { CaptchaInput } from '../components/captcha-input';
import { FormAlert } from '../components/form-alert';
import { PasswordRules } from '../components/password-rules';
import { SmsCodeInput } from '../components/sms-code-input';
import { SmsSimulatorLink } from '../components/sms-simulator-link';
import { useCaptcha } from '../hooks/use-captcha';
import { useApplySession } from '../hooks/use-session';
import { useSmsSender } from '../hooks/use-sms-sender';
import { AuthLayout } from '../layout/auth-layout';
import { applyFormError } from '../utils/form-errors';
import { mobileRule, passwordPolicyRule, sameAsRule, zodRule } from '../utils/rules';

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
  const captcha = useCaptcha();
  const applySession = useApplySession();
  const [formError, setFormError] = useState<string | null>(null);
  const sendSms = useSmsSender(form, captcha, 'register', setFormError);

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
        <Form.Item label="手机号" name="phone" required rules={[mobileRule]}>
          <Input size="large" autoComplete="tel" maxLength={20} />
        </Form.Item>
        <Form.Item label="图形验证码" name="captchaAnswer" extra="获取短信验证码前，请先输入图形验证码">
          <CaptchaInput captcha={captcha} />
        </Form.Item>
        <Form.Item label="短信验证码" name="smsCode" rules={[{ required: true, message: '请输入短信验证码' }, { pattern: /^\d{6}$/, message: '短信验证码为6位数字' }]}>
          <SmsCodeInput onSend={sendSms} />
        </Form.Item>
        <Form.Item
          label="密码"
          name="password"
          required
          dependencies={['username']}
          rules={[passwordPolicyRule(() => form.getFieldValue('username'))]}
        >
          <Input.Password size="large" autoComplete="new-password" maxLength={64} />
        </Form.Item>
        <Form.Item
          label="确认密码"
          name="confirmPassword"
          required
          dependencies={['password']}
          rules={[sameAsRule(() => form.getFieldValue('password'))]}
        >
          <Input.Password size="large" autoComplete="new-password" maxLength={64} />
        </Form.Item>
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
