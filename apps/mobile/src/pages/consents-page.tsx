import { ErrorBlock, Tag } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { memberApi } from '../api/endpoints';
import { NavPage } from '../components/nav-page';
import { PageSkeleton } from '../components/page-skeleton';
import { ErrorState } from '../components/states';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/** 我的授权: what I agreed to share, with whom, which version, when. */
export default function ConsentsPage() {
  const q = useQuery({ queryKey: ['consents'], queryFn: memberApi.consents });
  return (
    <NavPage title="我的授权">
      {q.isPending ? (
        <PageSkeleton />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <ErrorBlock status="empty" title="暂无授权记录" description="完成工会会员认证时的授权会记录在这里" style={{ padding: '48px 24px' }} />
      ) : (
        <div className="page-pad">
          {q.data.items.map((c, i) => (
            <article key={i} className="app-card">
              <header>
                <span className="app-kind">向「{c.recipientName}」共享</span>
                {c.withdrawnAt ? <Tag color="default">已撤回</Tag> : <Tag color="success" fill="outline">有效</Tag>}
              </header>
              <div className="kv small"><span>共享内容</span><b>{c.scope}</b></div>
              <div className="kv small"><span>授权书版本</span><b>{c.version}</b></div>
              <div className="kv small"><span>授权时间</span><b>{when(c.consentedAt)}</b></div>
              {c.withdrawnAt && <div className="kv small"><span>撤回时间</span><b>{when(c.withdrawnAt)}</b></div>}
            </article>
          ))}
          <p className="muted small-note">如需撤回授权，请联系所在工会解除会员认证；撤回后将无法使用电子会员卡。</p>
        </div>
      )}
    </NavPage>
  );
}
