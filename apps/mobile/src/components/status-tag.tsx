import { Tag } from 'antd-mobile';
import { reviewStatusLabels, type ReviewStatus } from '@gonghui/contracts';

const colors: Record<ReviewStatus, string> = { pending: 'warning', approved: 'success', returned: 'danger', withdrawn: 'default' };

/** 审核中 / 已通过 / 已退回 / 已撤回. */
export function ReviewStatusTag({ status }: { status: ReviewStatus }) {
  return (
    <Tag color={colors[status]} fill="outline" round data-testid="application-status">
      {reviewStatusLabels[status]}
    </Tag>
  );
}
