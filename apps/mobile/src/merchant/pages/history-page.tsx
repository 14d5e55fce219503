import { ErrorBlock, InfiniteScroll, List, PullToRefresh } from 'antd-mobile';
import { useInfiniteQuery } from '@tanstack/react-query';
import { NavPage } from '../../components/nav-page';
import { PageSkeleton } from '../../components/page-skeleton';
import { ErrorState } from '../../components/states';
import { shortDateTime, yuan } from '../../utils/format';
import { merchantApi } from '../merchant-api';

/** 核销记录: what this merchant redeemed, newest first, with the count and face value in all. */
export default function HistoryPage() {
  const q = useInfiniteQuery({
    queryKey: ['merchant-redemptions'],
    queryFn: ({ pageParam }) => merchantApi.history(pageParam),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    staleTime: 0,
  });
  const first = q.data?.pages[0];
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <NavPage title="核销记录" back="/">
      {q.isPending ? (
        <PageSkeleton />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <PullToRefresh onRefresh={async () => void (await q.refetch())}>
          <div className="history-sum" data-testid="history-sum">
            <div>
              <b>{first!.total}</b>
              <span>累计核销（张）</span>
            </div>
            <div>
              <b>¥{yuan(first!.totalFaceValueFen)}</b>
              <span>核销面值合计</span>
            </div>
          </div>
          {items.length === 0 ? (
            <ErrorBlock status="empty" title="还没有核销记录" description="扫码核销的券会显示在这里" style={{ padding: '32px 16px' }} />
          ) : (
            <List className="history-list" data-testid="history-list">
              {items.map((r) => (
                <List.Item
                  key={r.id}
                  description={`${r.holderNameMasked} · ${r.codeMasked} · ${r.redeemedByName}`}
                  extra={
                    <div className="history-extra">
                      <b>¥{yuan(r.faceValueFen)}</b>
                      <span>{shortDateTime(r.redeemedAt)}</span>
                    </div>
                  }
                >
                  <div className="history-title">{r.couponTitle}</div>
                  <div className="muted">{r.activityTitle}</div>
                </List.Item>
              ))}
            </List>
          )}
          {items.length > 0 && <InfiniteScroll loadMore={async () => void (await q.fetchNextPage())} hasMore={!!q.hasNextPage} />}
        </PullToRefresh>
      )}
    </NavPage>
  );
}
