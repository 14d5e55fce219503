import { Empty, Space, Tag } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import type { ReviewStep } from '@gonghui/contracts';
import { formatMinute } from '../../utils/format';
import { OverdueTag, ReviewStepStatusTag } from './review-tags';

const stageNames = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** The steps by stage, in order; steps of one stage (both sides of an organisation transfer) side by side. */
function byStage(steps: ReviewStep[]): [number, ReviewStep[]][] {
  const stages = new Map<number, ReviewStep[]>();
  for (const s of [...steps].sort((a, b) => a.stage - b.stage)) stages.set(s.stage, [...(stages.get(s.stage) ?? []), s]);
  return [...stages];
}

function StepCard({ step }: { step: ReviewStep }) {
  const acted = step.status === 'approved' || step.status === 'returned';
  return (
    <div className={`review-step review-step-${step.status}${step.canAct ? ' review-step-mine' : ''}`} data-testid="review-step">
      <div className="review-step-head">
        <strong>{step.label}</strong>
        <Space size={4}>
          <ReviewStepStatusTag status={step.status} />
          {step.overdue && step.status === 'pending' && <OverdueTag />}
        </Space>
      </div>
      <div className="review-step-org">{step.reviewerOrgName ?? <span className="muted">上一步完成后确定审核单位</span>}</div>
      {step.canAct && (
        <Tag color="volcano" icon={<UserOutlined />} style={{ marginTop: 6 }}>
          待本单位审核
        </Tag>
      )}
      {acted && (
        <div className="review-step-meta">
          {step.actedBy ?? '—'} · {formatMinute(step.actedAt)}
        </div>
      )}
      {step.status === 'pending' && step.startedAt && <div className="review-step-meta">{formatMinute(step.startedAt)} 起待审核</div>}
      {step.reason && <div className={`review-step-reason${step.status === 'returned' ? ' is-returned' : ''}`}>{step.status === 'returned' ? '退回原因' : '审批意见'}：{step.reason}</div>}
    </div>
  );
}

/** 审核流程: stage by stage, who reviews, where each step stands, who acted and why. */
export function ReviewSteps({ steps }: { steps: ReviewStep[] }) {
  if (steps.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无需审核" />;
  const stages = byStage(steps);
  return (
    <div className="review-stages" data-testid="review-steps">
      {stages.map(([stage, items], i) => (
        <div key={stage} className="review-stage">
          <div className="review-stage-no">
            <span className="review-stage-dot">{i + 1}</span>
            <span className="muted">第{stageNames[i] ?? i + 1}步{items.length > 1 ? '（同时审核）' : ''}</span>
          </div>
          <div className="review-stage-steps">
            {items.map((s) => (
              <StepCard key={s.id} step={s} />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
