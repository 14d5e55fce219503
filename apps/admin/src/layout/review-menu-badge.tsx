import { Badge } from 'antd';
import { useReviewCounts } from '../hooks/use-review-counts';

/** Beside 审核待办 in the menu: reviews waiting for this organisation, and those overdue below it. */
export function ReviewMenuBadge() {
  const { data } = useReviewCounts();
  const waiting = (data?.todo ?? 0) + (data?.overdue ?? 0);
  if (waiting === 0) return null;
  const title = [data?.todo ? `待我审核 ${data.todo} 件` : '', data?.overdue ? `下级逾期未审 ${data.overdue} 件` : ''].filter(Boolean).join('，');
  return (
    <span data-testid="review-menu-badge" data-count={waiting}>
      <Badge count={waiting} overflowCount={99} size="small" title={title} className="menu-badge" />
    </span>
  );
}
