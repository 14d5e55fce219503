import { Button, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { SessionInfo } from '@gonghui/contracts';
import { authApi, type TotpDisableBody } from '../api/auth';
import { applyFormError } from '../utils/form-errors';
import { totpCodeRule } from '../utils/rules';
import { FormAlert } from './form-alert';
import { normalizeTotpCode, TotpCodeInput } from './totp-code-input';

/** 原密码 + 动态验证码 → 停用双因素认证. */
export function TotpDisableForm({ onDisabled }: { onDisabled: (s: SessionInfo) => void }) {
  const [form] = Form.useForm<TotpDisableBody>();
  const [formError, setFormError] = useState<string | null>(null);
  const disable = useMutation({
    mutationFn: authApi.totpDisable,
    onSuccess: (session) => {
      form.resetFields();
      onDisabled(session);
    },
    onError: (error) => {
      form.setFieldValue('code', '');
      setFormError(applyFormError(form, error, { codeFields: { PASSWORD_WRONG: 'currentPassword', TOTP_INVALID: 'code' } }));
    },
  });

  return (
    <Form<TotpDisableBody>
      form={form}
      name="totp-disable"
      layout="vertical"
      style={{ maxWidth: 400 }}
      onFinish={(values) => {
        setFormError(null);
        disable.mutate(values);
      }}
    >
      <Form.Item label="原密码" name="currentPassword" rules={[{ required: true, message: '请输入原密码' }]}>
        <Input.Password autoComplete="current-password" maxLength={128} />
      </Form.Item>
      <Form.Item label="动态验证码" name="code" required normalize={normalizeTotpCode} rules={[totpCodeRule]}>
        <TotpCodeInput />
      </Form.Item>
      <FormAlert message={formError} />
      <Button danger htmlType="submit" loading={disable.isPending}>
        停用双因素认证
      </Button>
    </Form>
  );
}
