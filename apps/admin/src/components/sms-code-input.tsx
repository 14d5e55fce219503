import { Button, Input } from 'antd';
import { useState } from 'react';
import { useCountdown } from '../hooks/use-countdown';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  /** Sends the code; resolves true when it was sent (the countdown then starts). */
  onSend: () => Promise<boolean>;
}

/** Six-digit SMS code input with the "获取验证码" button and its 60 s countdown. */
export function SmsCodeInput({ id, value, onChange, onSend }: Props) {
  const [left, start] = useCountdown();
  const [sending, setSending] = useState(false);
  const send = async () => {
    setSending(true);
    try {
      if (await onSend()) start(60);
    } finally {
      setSending(false);
    }
  };
  return (
    <div style={{ display: 'flex', gap: 8 }}>
      <Input
        id={id}
        value={value}
        onChange={(e) => onChange?.(e.target.value.replace(/\D/g, ''))}
        placeholder="6位数字"
        maxLength={6}
        inputMode="numeric"
        autoComplete="one-time-code"
        size="large"
        style={{ flex: 1 }}
      />
      <Button size="large" onClick={send} loading={sending} disabled={left > 0} style={{ width: 130 }}>
        {left > 0 ? `${left}秒后重发` : '获取验证码'}
      </Button>
    </div>
  );
}
