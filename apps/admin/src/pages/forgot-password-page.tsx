import { Button, Form, Input, Result } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { authApi } from '../api/auth';
import { FormAlert } from '../components/form-alert';
import { NewPasswordFields } from '../components/new-password-fields';
import { PasswordRules } from '../components/password-rules';
import { PhoneVerificationFields } from '../components/phone-verification-fields';
import { SmsSimulatorLink } from '../components/sms-simulator-link';
import { AuthLayout } from '../layout/auth-layout';
import { applyFormError } from '../utils/form-errors';

interface ResetValues {
  username: string;
  phone: string;
  captchaAnswer: string;
  smsCode: string;
  newPassword: string;
  confirmPassword: string;
}

export function ForgotPasswordPage() {
  const [form] = Form.useForm<ResetValues>();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);

  const reset = useMutation({
    mutationFn: (v: ResetValues) =>
      authApi.resetPassword({ username: v.username, phone: v.phone, smsCode: v.smsCode, newPassword: v.newPassword }),
    onError: (error) =>
      setFormError(
        applyFormError(form, error, {
          codeFields: { SMS_CODE_INVALID: 'smsCode', PASSWORD_WEAK: 'newPassword', PASSWORD_REUSED: 'newPassword' },
          aliases: { password: 'newPassword' },
        }),
      ),
  });

  if (reset.isSuccess) {
    return (
      <AuthLayout title="忘记密码">
        <Result
          status="success"
          title="密码已重置"
          subTitle="请使用新密码登录。"
          extra={
            <Button type="primary" onClick={() => navigate('/login', { replace: true })}>
              返回登录
            </Button>
          }
        />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="忘记密码" width={520}>
      <PasswordRules />
      <Form<ResetValues>
        form={form}
        name="reset-password"
        layout="vertical"
        onFinish={(values) => {
          setFormError(null);
          reset.mutate(values);
        }}
      >
        <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
          <Input size="large" autoComplete="username" maxLength={64} />
        </Form.Item>
        <PhoneVerificationFields
          purpose="reset_password"
          phoneLabel="绑定的手机号"
          phoneExtra="请输入注册时绑定的手机号"
          setFormError={setFormError}
        />
        <NewPasswordFields username={{ field: 'username' }} size="large" />
        <FormAlert message={formError} />
        <Button type="primary" htmlType="submit" size="large" block loading={reset.isPending}>
          重置密码
        </Button>
      </Form>
      <div className="auth-links">
        <Link to="/login">返回登录</Link>
        <SmsSimulatorLink />
      </div>
    </AuthLayout>
  );
}
