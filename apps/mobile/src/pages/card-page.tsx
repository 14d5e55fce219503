import { Button, ErrorBlock, Skeleton } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import QRCode from 'qrcode';
import { membershipStatusLabels } from '@gonghui/contracts';
import { ApiError } from '../api/client';
import { memberApi, type MemberCard } from '../api/endpoints';
import { ErrorState } from '../components/states';

/** The server's tokens live 2 minutes; a new one is fetched every 100 s while the card is open. */
const REFRESH_MS = 100_000;
const TOKEN_TTL_MS = 120_000;

/**
 * Seconds the shown QR code stays valid. The phone's clock may be off from the server's, so the
 * lifetime comes from the server's own two times (signed, expires) and is counted down from the
 * moment the card arrived.
 */
function useSecondsLeft(card: MemberCard | undefined, receivedAt: number) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  if (!card) return 0;
  const ttl = Math.min(TOKEN_TTL_MS, Math.max(0, new Date(card.expiresAt).getTime() - new Date(card.issuedAt).getTime()));
  return Math.max(0, Math.ceil((ttl - Math.max(0, now - receivedAt)) / 1000));
}

function QrImage({ token }: { token: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(token, { errorCorrectionLevel: 'M', margin: 2, width: 440, color: { dark: '#1a1a1a', light: '#ffffff' } }).then((url) => live && setSrc(url));
    return () => {
      live = false;
    };
  }, [token]);
  return src ? <img className="qr-img" src={src} alt="会员卡二维码" data-testid="card-qr" /> : <Skeleton animated className="qr-img" />;
}

/** 电子会员卡: the card face (masked ID, never the raw number) and a short-lived signed QR code. */
export default function CardPage() {
  const navigate = useNavigate();
  const q = useQuery({
    queryKey: ['card'],
    queryFn: async () => ({ card: await memberApi.card(), receivedAt: Date.now() }),
    refetchInterval: REFRESH_MS,
    staleTime: 0,
    gcTime: 0,
  });
  const left = useSecondsLeft(q.data?.card, q.data?.receivedAt ?? 0);

  if (q.isPending)
    return (
      <div className="card-page">
        <div className="page-title-bar">电子会员卡</div>
        <div className="page-pad">
          <Skeleton animated style={{ '--height': '180px', '--border-radius': '16px' } as React.CSSProperties} />
          <Skeleton animated style={{ '--height': '260px', '--border-radius': '16px', marginTop: 16 } as React.CSSProperties} />
        </div>
      </div>
    );
  if (q.isError) {
    const noCard = q.error instanceof ApiError && (q.error.code === 'CARD_UNAVAILABLE' || q.error.code === 'NOT_VERIFIED');
    return (
      <div className="card-page">
        <div className="page-title-bar">电子会员卡</div>
        {noCard ? (
          <ErrorBlock status="empty" title="还没有电子会员卡" description="完成工会会员认证并经所在工会审核通过后，即可使用电子会员卡" style={{ padding: '48px 24px' }} data-testid="card-none">
            <Button color="primary" onClick={() => navigate('/verify')} style={{ minWidth: 160 }}>
              去认证
            </Button>
          </ErrorBlock>
        ) : (
          <ErrorState error={q.error} onRetry={() => q.refetch()} />
        )}
      </div>
    );
  }
  const c = q.data.card;
  return (
    <div className="card-page">
      <div className="page-title-bar">电子会员卡</div>
      <div className="page-pad">
        <section className="member-card" data-testid="member-card">
          <div className="member-card-top">
            <span className="member-card-logo" aria-hidden="true">工</span>
            <span>中华全国总工会 · 会员卡</span>
            <span className="member-card-status">{membershipStatusLabels[c.status]}</span>
          </div>
          <div className="member-card-name" data-testid="card-name">{c.name}</div>
          <div className="member-card-id">{c.idNumberMasked}</div>
          <div className="member-card-rows">
            <div>
              <span>所在工会</span>
              <b data-testid="card-org">{c.orgName}</b>
            </div>
            <div>
              <span>会员编号</span>
              <b data-testid="card-member-no">{c.memberNo}</b>
            </div>
          </div>
        </section>

        <section className="qr-panel">
          <div className="qr-title">会员身份码</div>
          <div className="qr-frame">
            <QrImage token={c.token} />
          </div>
          <div className="qr-meta" data-testid="card-countdown">
            {left > 0 ? (
              <>
                <b>{left}</b> 秒后失效，页面打开时自动刷新
              </>
            ) : (
              '二维码已失效'
            )}
          </div>
          <Button size="small" fill="outline" color="primary" loading={q.isFetching} onClick={() => void q.refetch()} data-testid="card-refresh">
            刷新二维码
          </Button>
          <p className="muted qr-note">向工会或活动现场工作人员出示此码核验会员身份。请勿截图转发他人。</p>
        </section>
      </div>
    </div>
  );
}
