import { Button, Input } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { couponCodeSchema } from '@gonghui/contracts';
import { FormError } from '../../components/form-error';
import { NavPage } from '../../components/nav-page';

/** 输入券码: when the QR cannot be scanned, the code printed under it on the member's phone. */
export default function CodePage() {
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const r = couponCodeSchema.safeParse(code);
    if (!r.success) return setError(r.error.issues[0]?.message ?? '券码不正确，请核对后重新输入');
    navigate('/preview', { state: { code: r.data } });
  };
  return (
    <NavPage title="输入券码" back="/">
      <div className="page-pad">
        <div className="intro-card">
          <div className="intro-title">输入会员出示的券码</div>
          <div className="muted">券码在会员“我的券”二维码下方。字母不区分大小写，空格和短横线可省略。</div>
        </div>
        <div className="code-input-wrap">
          <Input
            value={code}
            onChange={(v) => {
              setCode(v.toUpperCase());
              setError(null);
            }}
            placeholder="例如 ABCD-2345-EFGH"
            maxLength={32}
            clearable
            autoComplete="off"
            autoCapitalize="characters"
            className="code-input"
            onEnterPress={submit}
            aria-label="券码"
          />
        </div>
        <FormError message={error} />
        <Button block color="primary" size="large" className="primary-cta" onClick={submit} data-testid="code-submit">
          查询
        </Button>
        <Button block fill="none" size="large" style={{ marginTop: 8 }} onClick={() => navigate('/scan', { replace: true })}>
          改用扫码
        </Button>
      </div>
    </NavPage>
  );
}
