import { Button, Modal, Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { reviewKey, reviewsApi } from '../../api/reviews';
import { ReviewTrail } from '../reviews/review-trail';

/** 处理轨迹 (seed 001 fig. 30): the activity's review trail in a modal, with a link to the review itself. */
export function ReviewTrailModal({ reviewId, title, onClose }: { reviewId: string | null; title: string; onClose: () => void }) {
  const q = useQuery({ queryKey: reviewKey(reviewId ?? ''), queryFn: () => reviewsApi.get(reviewId!), enabled: !!reviewId });
  return (
    <Modal
      open={!!reviewId}
      title={`处理轨迹：${title}`}
      onCancel={onClose}
      width={560}
      footer={[
        <Link key="open" to={`/reviews/${reviewId}`}>
          <Button>在审核待办中查看</Button>
        </Link>,
        <Button key="close" type="primary" onClick={onClose}>
          关闭
        </Button>,
      ]}
    >
      {q.isPending ? <Skeleton active /> : q.isError ? <span className="muted">{errorMessage(q.error)}</span> : <ReviewTrail trail={q.data.trail} />}
    </Modal>
  );
}
