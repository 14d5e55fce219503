import { Form, Input } from 'antd-mobile';
import { CaptchaInput, type CaptchaState } from './captcha-field';
import { SmsCodeInput } from './sms-code-input';

/**
 * A phone number proved by SMS: the number, the image captcha that guards the send, and the code
 * (注册, 修改手机号, 原手机号丢失). The send itself is `useSmsSender`'s.
 */
export function PhoneCodeFields({ name, label, placeholder = '11位手机号', captcha, onSend }: { name: string; label: string; placeholder?: string; captcha: CaptchaState; onSend: () => Promise<boolean> }) {
  return (
    <>
      <Form.Item name={name} label={label}>
        <Input placeholder={placeholder} inputMode="tel" maxLength={11} autoComplete="tel" clearable />
      </Form.Item>
      <Form.Item name="captchaAnswer" label="图形验证码">
        <CaptchaInput captcha={captcha} />
      </Form.Item>
      <Form.Item name="smsCode" label="短信验证码">
        <SmsCodeInput onSend={onSend} />
      </Form.Item>
    </>
  );
}
