import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { useCaptcha } from '../hooks/use-captcha';
import { useSmsSender } from '../hooks/use-sms-sender';
import { mobileRule } from '../utils/rules';
import { CaptchaInput } from './captcha-input';
import { SmsCodeInput } from './sms-code-input';

interface Props {
  purpose: 'register' | 'reset_password';
  phoneLabel: string;
  phoneExtra?: ReactNode;
  /** Where a failed send reports what went wrong (the page's form-level alert). */
  setFormError: (message: string | null) => void;
}

/**
 * Phone, image captcha and SMS code: proving the phone before registering or resetting a password.
 * It owns the captcha, because nothing but sending the SMS code uses it.
 */
export function PhoneVerificationFields({ purpose, phoneLabel, phoneExtra, setFormError }: Props) {
  const form = Form.useFormInstance();
  const captcha = useCaptcha();
  const sendSms = useSmsSender(form, captcha, purpose, setFormError);
  return (
    <>
      <Form.Item label={phoneLabel} name="phone" required rules={[mobileRule]} extra={phoneExtra}>
        <Input size="large" autoComplete="tel" maxLength={20} />
      </Form.Item>
      <Form.Item label="图形验证码" name="captchaAnswer" extra="获取短信验证码前，请先输入图形验证码">
        <CaptchaInput captcha={captcha} />
      </Form.Item>
      <Form.Item
        label="短信验证码"
        name="smsCode"
        rules={[
          { required: true, message: '请输入短信验证码' },
          { pattern: /^\d{6}$/, message: '短信验证码为6位数字' },
        ]}
      >
        <SmsCodeInput onSend={sendSms} />
      </Form.Item>
    </>
  );
}
