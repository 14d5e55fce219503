import { Button, ErrorBlock, Skeleton } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { membershipStatusLabels } from '@gonghui/contracts';
import { ApiError } from '../api/client';
import { memberApi } from '../api/endpoints';
import { ErrorState } from '../components/states';
import { TokenQrPanel, useRefreshingToken } from '../components/token-qr';

/** The server's card tokens live 2 minutes; a new one is fetched 20 s before, while the card is open. */
const TOKEN_TTL_MS = 120_000;

/** 电子会员卡: the card face (masked ID, never the raw number) and a short-lived signed QR code. */
export default function CardPage() {
  const navigate = useNavigate();
  const { query: q, secondsLeft } = useRefreshingToken(['card'], memberApi.card, TOKEN_TTL_MS);

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
  const c = q.data.value;
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

        <TokenQrPanel
          title="会员身份码"
          token={c.token}
          secondsLeft={secondsLeft}
          refreshing={q.isFetching}
          onRefresh={() => void q.refetch()}
          testIdPrefix="card"
          alt="会员卡二维码"
          note="向工会或活动现场工作人员出示此码核验会员身份。请勿截图转发他人。"
        />
      </div>
    </div>
  );
}
