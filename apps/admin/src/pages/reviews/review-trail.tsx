import { Empty, Space, Tag, Timeline } from 'antd';
import { reviewActionLabels, type ReviewAction, type ReviewTrailEntry } from '@gonghui/contracts';
import { formatDateTime } from '../../utils/format';

const actionColors: Record<ReviewAction, string> = {
  submitted: 'blue',
  resubmitted: 'blue',
  approved: 'green',
  returned: 'red',
  withdrawn: 'gray',
  flagged_overdue: 'orange',
};

/** What a trail entry's reason is, by action. */
const reasonLabels: Record<ReviewAction, string> = {
  submitted: '说明',
  resubmitted: '说明',
  approved: '审批意见',
  returned: '退回原因',
  withdrawn: '撤回说明',
  flagged_overdue: '说明',
};

/** 处理轨迹: every submission and decision, oldest first, with who, where, why and which round. */
export function ReviewTrail({ trail }: { trail: ReviewTrailEntry[] }) {
  if (trail.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无处理记录" />;
  const rounds = new Set(trail.map((e) => e.round)).size;
  return (
    <Timeline
      data-testid="review-trail"
      items={trail.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: actionColors[e.action] ?? 'gray',
        children: (
          <div className="review-trail-entry">
            <Space size={6} wrap>
              <strong>{reviewActionLabels[e.action] ?? e.action}</strong>
              {e.stepLabel && <span className="muted">{e.stepLabel}</span>}
              {rounds > 1 && <Tag bordered={false}>第{e.round}轮</Tag>}
            </Space>
            {(e.actorName || e.actorOrgName) && <div>{[e.actorOrgName, e.actorName].filter(Boolean).join(' · ')}</div>}
            {e.reason && <div className={e.action === 'returned' ? 'review-trail-reason is-returned' : 'review-trail-reason'}>{reasonLabels[e.action] ?? '说明'}：{e.reason}</div>}
            <div className="muted" style={{ fontSize: 12 }}>
              {formatDateTime(e.at)}
            </div>
          </div>
        ),
      }))}
    />
  );
}
