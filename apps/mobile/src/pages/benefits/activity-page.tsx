import { Button, Dialog, ErrorBlock, Tag, Toast } from 'antd-mobile';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { claimBlockerLabels, memberActivityPhaseLabels, type MemberPrize } from '@gonghui/contracts';
import { ApiError, errorMessage } from '../../api/client';
import { activitiesKey, benefitsApi, couponsKey } from '../../api/benefits';
import { NavPage } from '../../components/nav-page';
import { PageSkeleton } from '../../components/page-skeleton';
import { ValidityText } from '../../components/validity-text';
import { ErrorState } from '../../components/states';
import { useIdempotentSubmit } from '../../hooks/use-idempotent-submit';
import { dateTime, yuan } from '../../utils/format';
import { ActivityCover } from './activity-card';
import { NotVerified, needsVerification } from './not-verified';

/** One prize: the coupon, its value and validity, whether any is left, and 领取. */
function PrizeCard({ p, claiming, disabled, onClaim }: { p: MemberPrize; claiming: boolean; disabled: boolean; onClaim: () => void }) {
  const blocked = p.blocker ? claimBlockerLabels[p.blocker] : null;
  return (
    <article className="prize-card" data-testid="prize-card">
      <div className="prize-value">
        <small>¥</small>
        <b>{yuan(p.faceValueFen)}</b>
      </div>
      <div className="prize-body">
        <div className="prize-title">{p.couponTitle}</div>
        <div className="prize-name">{p.couponName}{p.merchantName ? ` · ${p.merchantName}` : ''}</div>
        <div className="prize-meta">有效期 <ValidityText from={p.validFrom} to={p.validTo} /></div>
        {p.conditions && <div className="prize-meta">使用条件：{p.conditions}</div>}
        <div className="prize-foot">
          <span className={p.soldOut ? 'prize-stock out' : 'prize-stock'} data-testid="prize-stock">{p.soldOut ? '已领完' : '尚有余量'}</span>
          <Button size="small" color="primary" shape="rounded" loading={claiming} disabled={!!blocked || disabled} onClick={onClaim} data-testid="claim">
            {blocked ?? '领取'}
          </Button>
        </div>
      </div>
    </article>
  );
}

/**
 * 活动详情: cover, content, the prize list and 领取. Each 领取 carries an Idempotency-Key: a
 * second tap while the first is on its way is ignored, and a retry after a lost answer gets the
 * first answer back rather than a second coupon.
 */
export default function ActivityPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['benefit-activity', id], queryFn: () => benefitsApi.activity(id), staleTime: 0 });
  const send = useCallback((prizeId: string, key: string) => benefitsApi.claim(id, prizeId, key), [id]);
  const { submit, pendingIntent } = useIdempotentSubmit(send);

  const claim = async (p: MemberPrize) => {
    const r = await submit(p.prizeId, p.prizeId);
    if (!r) return;
    void qc.invalidateQueries({ queryKey: ['benefit-activity', id] });
    void qc.invalidateQueries({ queryKey: activitiesKey });
    if (r.ok) {
      void qc.invalidateQueries({ queryKey: couponsKey });
      const go = await Dialog.confirm({
        title: '领取成功',
        content: `「${r.value.couponTitle}」已放入我的券，请在 ${dateTime(r.value.validTo)} 前到商家出示使用。`,
        confirmText: '查看券码',
        cancelText: '留在本页',
      });
      if (go) navigate(`/coupons/${r.value.id}`);
      return;
    }
    const unknown = !(r.error instanceof ApiError) || r.error.status === 0 || r.error.status >= 500;
    Toast.show({ content: unknown ? `${errorMessage(r.error)}（再次点击领取不会重复领取）` : errorMessage(r.error), duration: 3000 });
  };

  if (q.isPending)
    return (
      <NavPage title="活动详情">
        <PageSkeleton />
      </NavPage>
    );
  if (q.isError) {
    const gone = q.error instanceof ApiError && (q.error.code === 'ACTIVITY_UNAVAILABLE' || q.error.code === 'ACTIVITY_NOT_IN_SCOPE' || q.error.status === 404);
    return (
      <NavPage title="活动详情">
        {needsVerification(q.error) ? (
          <NotVerified />
        ) : gone ? (
          <ErrorBlock status="empty" title="活动已结束或已关闭" description={errorMessage(q.error)} style={{ padding: '48px 24px' }} />
        ) : (
          <ErrorState error={q.error} onRetry={() => void q.refetch()} />
        )}
      </NavPage>
    );
  }
  const a = q.data;
  const limitReached = a.claimedInPeriod >= a.claimLimit;
  return (
    <NavPage title="活动详情">
      <ActivityCover url={a.coverUrl} title={a.title} large />
      <div className="page-pad">
        <section className="intro-card activity-head">
          <div className="activity-title" data-testid="activity-title">{a.title}</div>
          <div className="activity-tags">
            <Tag color={a.phase === 'ongoing' ? 'danger' : 'warning'} fill="outline">{memberActivityPhaseLabels[a.phase]}</Tag>
            <span className="muted">{a.orgName}</span>
          </div>
          <div className="kv small"><span>活动时间</span><b><ValidityText from={a.startsAt} to={a.endsAt} /></b></div>
          <div className="kv small"><span>领取规则</span><b>{a.claimLimitText}</b></div>
          <div className="kv small"><span>我已领取</span><b data-testid="claimed-count">{a.claimedInPeriod} / {a.claimLimit}</b></div>
        </section>

        <div className="block-title section-title">奖品列表</div>
        {limitReached && <div className="notice-warn">您已达到本活动的领取次数上限{a.claimLimitText.includes('天') ? '，明天再来' : ''}。</div>}
        {a.prizes.map((p) => (
          <PrizeCard key={p.prizeId} p={p} claiming={pendingIntent === p.prizeId} disabled={pendingIntent !== null || limitReached} onClaim={() => void claim(p)} />
        ))}

        {a.contentHtml && (
          <>
            <div className="block-title section-title">活动内容</div>
            {/* Sanitised by the server when the union saved it: no scripts, handlers or frames. */}
            <section className="intro-card rich-content" dangerouslySetInnerHTML={{ __html: a.contentHtml }} data-testid="activity-content" />
          </>
        )}
        <Button block fill="none" onClick={() => navigate('/coupons')} style={{ marginTop: 8 }}>
          查看我的券
        </Button>
      </div>
    </NavPage>
  );
}
