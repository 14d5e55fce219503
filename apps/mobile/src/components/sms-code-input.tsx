import { Input } from 'antd-mobile';
import { useState } from 'react';
import { useCountdown } from '../hooks/use-countdown';

/** Six-digit SMS code with 获取验证码 and a 60-second countdown once sent. */
export function SmsCodeInput({ id, value, onChange, onSend }: { id?: string; value?: string; onChange?: (v: string) => void; onSend: () => Promise<boolean> }) {
  const [left, start] = useCountdown();
  const [sending, setSending] = useState(false);
  const send = async () => {
    if (sending || left > 0) return;
    setSending(true);
    try {
      if (await onSend()) start(60);
    } finally {
      setSending(false);
    }
  };
  return (
    <div className="input-with-extra">
      <Input
        id={id}
        value={value}
        onChange={(v) => onChange?.(v.replace(/\D/g, ''))}
        placeholder="6位短信验证码"
        maxLength={6}
        inputMode="numeric"
        autoComplete="one-time-code"
      />
      <button type="button" className="sms-send" data-testid="sms-send" onClick={send} disabled={sending || left > 0}>
        {sending ? '发送中…' : left > 0 ? `${left}秒后重发` : '获取验证码'}
      </button>
    </div>
  );
}
