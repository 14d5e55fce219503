import { App, Button, Space } from 'antd';
import { CheckOutlined, EditOutlined, RollbackOutlined, UndoOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReviewDetail } from '@gonghui/contracts';
import { ApiError, errorMessage } from '../../api/client';
import { reviewKey, reviewsApi } from '../../api/reviews';
import { useInvalidateReviews } from '../../hooks/use-review-counts';
import { ReviewReasonModal, type ReasonModalSpec } from './review-reason-modal';
import { ReviewResubmitModal } from './review-resubmit-modal';

type Decision = 'approve' | 'return' | 'withdraw';

const specs: Record<Decision, ReasonModalSpec> = {
  approve: {
    title: '同意',
    notice: '同意后进入下一步审核；最后一步同意后事项办结，结果立即生效。',
    noticeType: 'info',
    label: '审批意见',
    placeholder: '选填，如：情况属实，同意',
    required: false,
    okText: '确认同意',
  },
  return: {
    title: '退回',
    notice: '退回后提交单位可按退回原因修改后重新提交；其他同时进行的审核步骤一并终止。',
    noticeType: 'warning',
    label: '退回原因',
    placeholder: '请写明退回的原因和需要修改的内容',
    required: true,
    okText: '确认退回',
    danger: true,
  },
  withdraw: {
    title: '撤回',
    notice: '撤回后审核终止，事项恢复到提交前的状态；需要时可重新提交。',
    noticeType: 'warning',
    label: '撤回说明',
    placeholder: '选填',
    required: false,
    okText: '确认撤回',
    danger: true,
  },
};
const done: Record<Decision | 'resubmit', string> = { approve: '已同意', return: '已退回', withdraw: '已撤回', resubmit: '已重新提交，等待审核' };

/** Someone else acted first, or the review moved on: show where it stands now instead of a form error. */
const STALE: ReadonlySet<string> = new Set(['REVIEW_TAKEN', 'CONFLICT', 'REVIEW_NOT_YOURS', 'REVIEW_CANNOT_WITHDRAW', 'REVIEW_CANNOT_RESUBMIT']);

/** 同意 / 退回 (a step the caller's organisation may act on), 撤回 and 修改后重新提交 (the submitter's). */
export function ReviewActions({ review }: { review: ReviewDetail }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const invalidate = useInvalidateReviews();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [resubmitting, setResubmitting] = useState(false);
  const canAct = review.status === 'pending' && review.steps.some((s) => s.canAct);

  /** Runs one action; answers the message for the open modal, or null when it may close. */
  const run = async (what: Decision | 'resubmit', call: () => Promise<ReviewDetail>): Promise<string | null> => {
    try {
      const updated = await call();
      queryClient.setQueryData(reviewKey(updated.id), updated);
      message.success(done[what]);
      invalidate();
      return null;
    } catch (e) {
      if (e instanceof ApiError && STALE.has(e.code)) {
        message.warning(e.message);
        invalidate();
        void queryClient.invalidateQueries({ queryKey: reviewKey(review.id) });
        return null;
      }
      return errorMessage(e);
    }
  };
  const version = review.version;
  const decide = (reason: string | undefined) => {
    switch (decision) {
      case 'approve':
        return run('approve', () => reviewsApi.approve(review.id, { version, reason }));
      case 'return':
        return run('return', () => reviewsApi.return(review.id, { version, reason: reason ?? '' }));
      case 'withdraw':
        return run('withdraw', () => reviewsApi.withdraw(review.id, { version, reason }));
      default:
        return Promise.resolve(null);
    }
  };

  if (!canAct && !review.canWithdraw && !review.canResubmit) return null;
  return (
    <Space wrap={false}>
      {review.canWithdraw && (
        <Button icon={<UndoOutlined />} onClick={() => setDecision('withdraw')} data-testid="review-withdraw">
          撤回
        </Button>
      )}
      {review.canResubmit && (
        <Button type="primary" icon={<EditOutlined />} onClick={() => setResubmitting(true)} data-testid="review-resubmit">
          修改后重新提交
        </Button>
      )}
      {canAct && (
        <>
          <Button danger icon={<RollbackOutlined />} onClick={() => setDecision('return')} data-testid="review-return">
            退回
          </Button>
          <Button type="primary" icon={<CheckOutlined />} onClick={() => setDecision('approve')} data-testid="review-approve">
            同意
          </Button>
        </>
      )}
      {decision && <ReviewReasonModal key={decision} spec={specs[decision]} open onOpenChange={(open) => !open && setDecision(null)} onSubmit={decide} />}
      {resubmitting && (
        <ReviewResubmitModal
          review={review}
          open
          onOpenChange={setResubmitting}
          onSubmit={(payload) => run('resubmit', () => reviewsApi.resubmit(review.id, { version, payload }))}
        />
      )}
    </Space>
  );
}
