import { Input, type InputProps } from 'antd';

/** Keeps only digits, at most 6: what an authenticator app shows. */
export const normalizeTotpCode = (value: unknown) => String(value ?? '').replace(/\D/g, '').slice(0, 6);

/** The input for an authenticator's 6-digit code (use with Form.Item normalize={normalizeTotpCode}). */
export function TotpCodeInput(props: InputProps) {
  return (
    <Input
      placeholder="请输入6位动态验证码"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      className="mono"
      {...props}
    />
  );
}
