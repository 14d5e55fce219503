import { Button, ErrorBlock, PullToRefresh } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { formatYuan, mutualAidEnrolmentKindLabels, mutualAidPolicyStateLabels, type MutualAidPolicy } from '@gonghui/contracts';
import { memberApi } from '../../api/endpoints';
import { NavPage } from '../../components/nav-page';
import { PageSkeleton } from '../../components/page-skeleton';
import { ErrorState } from '../../components/states';
import { useVerification } from '../../hooks/session';

const zh = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

function PolicyCard({ p }: { p: MutualAidPolicy }) {
  return (
    <article className="policy-card" data-testid="policy-card">
      <header className="policy-head">
        <div>
          <div className="policy-kind">职工互助保障</div>
          <div className="policy-year">{p.year}年度</div>
        </div>
        <span className={`policy-state is-${p.state}`} data-testid="policy-state">
          {mutualAidPolicyStateLabels[p.state]}
        </span>
      </header>
      <div className="policy-body">
        <div className="kv small"><span>保障计划</span><b>{p.planTitle}</b></div>
        <div className="kv small"><span>参保单位</span><b data-testid="policy-org">{p.orgName}</b></div>
        <div className="kv small"><span>会员编号</span><b>{p.memberNo}</b></div>
        <div className="kv small"><span>保障期间</span><b data-testid="policy-period">{zh(p.coverFrom)} 至 {zh(p.coverTo)}</b></div>
        <div className="kv small"><span>保障内容</span><b>{p.coverage}</b></div>
        <div className="kv small"><span>缴费</span><b>{formatYuan(p.contributionFen)} 元（由单位缴纳）</b></div>
        <div className="kv small"><span>入会方式</span><b>{mutualAidEnrolmentKindLabels[p.kind]}</b></div>
        <div className="kv small"><span>合同编号</span><b>{p.contractNo}</b></div>
        <div className="kv small"><span>互助保障方</span><b>{p.association}</b></div>
        {p.leftNote && (
          <div className="notice-warn" data-testid="policy-left-note">
            {p.leftNote}
          </div>
        )}
      </div>
    </article>
  );
}

/**
 * 我的保障 (seed 000 3.2, 保单查询): the member's mutual-aid policies from their unit's approved
 * enrolments. A member who has left the unit keeps the cover paid for, to its end, and is told so.
 */
export default function PoliciesPage() {
  const navigate = useNavigate();
  const verification = useVerification();
  const verified = verification.data?.status === 'approved';
  const q = useQuery({ queryKey: ['mutual-aid-policies'], queryFn: memberApi.policies, enabled: verified });

  let body;
  if (verification.isPending || (verified && q.isPending)) body = <PageSkeleton title={false} />;
  else if (verification.isError) body = <ErrorState error={verification.error} onRetry={() => verification.refetch()} />;
  else if (!verified)
    body = (
      <ErrorBlock status="empty" title="请先完成工会会员认证" description="认证后即可查询本人的职工互助保障保单" style={{ padding: '48px 16px' }}>
        <Button color="primary" onClick={() => navigate('/verify')} style={{ minWidth: 140 }}>
          去认证
        </Button>
      </ErrorBlock>
    );
  else if (q.isError) body = <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  else if (q.data!.items.length === 0)
    body = (
      <ErrorBlock
        status="empty"
        title="暂无保单"
        description="所在单位为您办理职工互助保障入会、经上级工会审核通过后，保单将显示在这里"
        style={{ padding: '48px 16px' }}
      />
    );
  else
    body = (
      <PullToRefresh onRefresh={async () => void (await q.refetch())}>
        {q.data!.items.map((p) => (
          <PolicyCard key={p.id} p={p} />
        ))}
        <div className="muted small-note">保障由济南市职工互助互济会提供；会员在保障期间内离职、转出或退休的，保障持续至已缴费期间届满。</div>
      </PullToRefresh>
    );

  return (
    <NavPage title="我的保障" back="/">
      <div className="page-pad">{body}</div>
    </NavPage>
  );
}
