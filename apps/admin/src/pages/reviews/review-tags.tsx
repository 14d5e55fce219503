import { Space, Tag } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { reviewStatusLabels, reviewStepStatusLabels, reviewSubjectTypeLabels, type ReviewStatus, type ReviewStepStatus, type ReviewSubjectType } from '@gonghui/contracts';

/** Colours of 审核状态: blue under review, green approved, red returned, grey withdrawn. */
export const reviewStatusColors: Record<ReviewStatus, string> = { pending: 'processing', approved: 'success', returned: 'error', withdrawn: 'default' };
const stepStatusColors: Record<ReviewStepStatus, string> = { waiting: 'default', pending: 'processing', approved: 'success', returned: 'error', cancelled: 'default' };

/** The review's status, with a red 逾期 beside it while a step has waited too long. */
export function ReviewStatusTag({ status, overdue = false }: { status: ReviewStatus; overdue?: boolean }) {
  return (
    <Space size={4} wrap={false}>
      <Tag color={reviewStatusColors[status]} style={{ marginInlineEnd: 0 }}>
        {reviewStatusLabels[status] ?? status}
      </Tag>
      {overdue && status === 'pending' && <OverdueTag />}
    </Space>
  );
}

export function OverdueTag() {
  return (
    <Tag color="red" icon={<ClockCircleOutlined />} style={{ marginInlineEnd: 0 }} data-testid="overdue-tag">
      逾期
    </Tag>
  );
}

export function ReviewStepStatusTag({ status }: { status: ReviewStepStatus }) {
  return (
    <Tag color={stepStatusColors[status]} style={{ marginInlineEnd: 0 }}>
      {reviewStepStatusLabels[status] ?? status}
    </Tag>
  );
}

export function ReviewSubjectTag({ type }: { type: ReviewSubjectType }) {
  return <Tag color={type.startsWith('member') ? 'geekblue' : 'purple'}>{reviewSubjectTypeLabels[type] ?? type}</Tag>;
}
