import { ErrorBlock, Skeleton } from 'antd-mobile';
import { CheckCircleFill, ClockCircleOutline } from 'antd-mobile-icons';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { benefitsApi } from '../../api/benefits';
import { ApiError } from '../../api/client';
import { NavPage } from '../../components/nav-page';
import { ValidityText } from '../../components/validity-text';
import { PageSkeleton } from '../../components/page-skeleton';
import { ErrorState } from '../../components/states';
import { TokenQrPanel, useRefreshingToken } from '../../components/token-qr';
import { dateTime, yuan } from '../../utils/format';

/** The server's coupon tokens live a few minutes; the countdown never claims more than this. */
const MAX_TOKEN_TTL_MS = 10 * 60_000;

/** ABCD2345EFGH → ABCD 2345 EFGH: easier to read out and to type. */
const grouped = (code: string) => code.replace(/[\s-]/g, '').replace(/(.{4})(?=.)/g, '$1 ');

/**
 * 券码: the e-coupon's QR (a signed token refreshed while the page is open, like the member card's)
 * and its code in large type for the merchant to type when a scan fails. While it is shown the
 * coupon is re-read, so the page turns to 已核销 as soon as the merchant confirms.
 */
export default function CouponPage() {
  const { id = '' } = useParams();
  const c = useQuery({
    queryKey: ['my-coupon', id],
    queryFn: () => benefitsApi.coupon(id),
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.status === 'claimed' ? 5_000 : false),
  });
  const live = c.data?.status === 'claimed';
  const { query: t, secondsLeft } = useRefreshingToken(['coupon-token', id], () => benefitsApi.couponToken(id), MAX_TOKEN_TTL_MS, live);

  if (c.isPending)
    return (
      <NavPage title="券码">
        <PageSkeleton />
      </NavPage>
    );
  if (c.isError)
    return (
      <NavPage title="券码">
        {c.error instanceof ApiError && c.error.status === 404 ? (
          <ErrorBlock status="empty" title="券不存在" description="请回到我的券查看" style={{ padding: '48px 24px' }} />
        ) : (
          <ErrorState error={c.error} onRetry={() => void c.refetch()} />
        )}
      </NavPage>
    );
  const k = c.data;
  return (
    <NavPage title="券码" back="/coupons">
      <div className="page-pad coupon-page">
        <section className="coupon-head">
          <div className="coupon-head-value">
            ¥<b data-testid="coupon-value">{yuan(k.faceValueFen)}</b>
          </div>
          <div className="coupon-head-title" data-testid="coupon-title">{k.couponTitle}</div>
          <div className="coupon-head-name">{k.couponName}</div>
        </section>

        {k.status === 'claimed' ? (
          t.isError ? (
            <ErrorState error={t.error} onRetry={() => void t.refetch()} />
          ) : !t.data ? (
            <Skeleton animated style={{ '--height': '320px', '--border-radius': '16px', marginTop: 12 } as React.CSSProperties} />
          ) : (
            <TokenQrPanel
              title="向商家出示二维码"
              token={t.data.value.token}
              secondsLeft={secondsLeft}
              refreshing={t.isFetching}
              onRefresh={() => void t.refetch()}
              testIdPrefix="coupon"
              alt="券二维码"
              note="二维码定时自动刷新，截图无效。核销后本页会显示核销结果。"
            >
              <div className="coupon-code-label">券码（扫码失败时请商家输入）</div>
              <div className="coupon-code" data-testid="coupon-code">{grouped(k.code)}</div>
            </TokenQrPanel>
          )
        ) : (
          <section className={`coupon-done ${k.status}`} data-testid="coupon-done">
            {k.status === 'redeemed' ? <CheckCircleFill /> : <ClockCircleOutline />}
            <div className="coupon-done-title">{k.status === 'redeemed' ? '已核销' : '已过期'}</div>
            <div className="muted">
              {k.status === 'redeemed' ? `${dateTime(k.redeemedAt)} 于 ${k.redeemedMerchantName ?? '商家'} 核销` : `${dateTime(k.validTo)} 到期未使用，视为自动放弃`}
            </div>
          </section>
        )}

        <div className="kv-card" style={{ marginTop: 12 }}>
          <div className="kv"><span>使用期限</span><b><ValidityText from={k.validFrom} to={k.validTo} /></b></div>
          {k.merchantName && <div className="kv"><span>使用商家</span><b>{k.merchantName}</b></div>}
          {k.conditions && <div className="kv"><span>使用条件</span><b>{k.conditions}</b></div>}
          <div className="kv"><span>来自活动</span><b>{k.activityTitle}</b></div>
          <div className="kv"><span>发放工会</span><b>{k.orgName}</b></div>
          <div className="kv"><span>领取时间</span><b>{dateTime(k.claimedAt)}</b></div>
          {k.description && <div className="kv"><span>说明</span><b>{k.description}</b></div>}
        </div>
      </div>
    </NavPage>
  );
}
