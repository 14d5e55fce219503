import { ErrorBlock, PullToRefresh } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { benefitsApi, activitiesKey } from '../../api/benefits';
import { NavPage } from '../../components/nav-page';
import { PageSkeleton } from '../../components/page-skeleton';
import { ErrorState } from '../../components/states';
import { ActivityCard } from './activity-card';
import { NotVerified, needsVerification } from './not-verified';


/** 普惠活动: the open activities of my union (and the unions above that include it). */
export default function ActivitiesPage() {
  const navigate = useNavigate();
  const q = useQuery({ queryKey: activitiesKey, queryFn: benefitsApi.activities, staleTime: 0 });
  return (
    <NavPage title="普惠活动" back="/">
      {q.isPending ? (
        <PageSkeleton />
      ) : q.isError ? (
        needsVerification(q.error) ? <NotVerified /> : <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <PullToRefresh onRefresh={async () => void (await q.refetch())}>
          <div className="page-pad">
            {q.data.items.length === 0 ? (
              <ErrorBlock status="empty" title="暂无进行中的活动" description="所在工会发布领券活动后，会显示在这里" style={{ padding: '48px 16px' }} />
            ) : (
              q.data.items.map((a) => <ActivityCard key={a.id} a={a} onOpen={() => navigate(`/activities/${a.id}`)} />)
            )}
          </div>
        </PullToRefresh>
      )}
    </NavPage>
  );
}
