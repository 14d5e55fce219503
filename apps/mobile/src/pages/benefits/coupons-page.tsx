import { ErrorBlock, PullToRefresh, Tabs } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { eCouponStatuses, type ECouponStatus } from '@gonghui/contracts';
import { benefitsApi, couponsKey } from '../../api/benefits';
import { NavPage } from '../../components/nav-page';
import { PageSkeleton } from '../../components/page-skeleton';
import { ErrorState } from '../../components/states';
import { CouponTicket } from './coupon-ticket';
import { NotVerified, needsVerification } from './not-verified';


const tabs: Record<ECouponStatus, { title: string; empty: string }> = {
  claimed: { title: '未使用', empty: '领取的工会福利券会显示在这里，到商家出示二维码即可使用' },
  redeemed: { title: '已使用', empty: '核销过的券会显示在这里' },
  expired: { title: '已过期', empty: '超过使用期限未核销的券会显示在这里，逾期视为自动放弃' },
};

function CouponList({ status }: { status: ECouponStatus }) {
  const navigate = useNavigate();
  const q = useQuery({ queryKey: [...couponsKey, status], queryFn: () => benefitsApi.coupons(status), staleTime: 0 });
  if (q.isPending) return <PageSkeleton title={false} />;
  if (q.isError) return needsVerification(q.error) ? <NotVerified /> : <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <PullToRefresh onRefresh={async () => void (await q.refetch())}>
      <div className="page-pad" data-testid={`coupons-${status}`}>
        {q.data.items.length === 0 ? (
          <ErrorBlock status="empty" title={`没有${tabs[status].title}的券`} description={tabs[status].empty} style={{ padding: '40px 16px' }} />
        ) : (
          q.data.items.map((c) => <CouponTicket key={c.id} c={c} onOpen={() => navigate(`/coupons/${c.id}`)} />)
        )}
        {q.data.total > q.data.items.length && <p className="muted center-pad">仅显示最近 {q.data.items.length} 张</p>}
      </div>
    </PullToRefresh>
  );
}

/** 我的券: 未使用 / 已使用 / 已过期. */
export default function CouponsPage() {
  const [search, setSearch] = useSearchParams();
  const current = (eCouponStatuses as readonly string[]).includes(search.get('tab') ?? '') ? (search.get('tab') as ECouponStatus) : 'claimed';
  return (
    <NavPage title="我的券" back="/">
      <Tabs activeKey={current} onChange={(k) => setSearch(k === 'claimed' ? {} : { tab: k }, { replace: true })} className="coupon-tabs">
        {eCouponStatuses.map((s) => (
          <Tabs.Tab key={s} title={tabs[s].title}>
            <CouponList status={s} />
          </Tabs.Tab>
        ))}
      </Tabs>
    </NavPage>
  );
}
