import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Col, Descriptions, Result, Row, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { reviewSubjectTypeLabels, type ReviewDetail } from '@gonghui/contracts';
import { ApiError } from '../../api/client';
import { reviewKey, reviewsApi } from '../../api/reviews';
import { formatDateTime } from '../../utils/format';
import { ReviewActions } from './review-actions';
import { ReviewChangesTable } from './review-changes-table';
import { ReviewSteps } from './review-steps';
import { ReviewStatusTag } from './review-tags';
import { ReviewTrail } from './review-trail';

/** One line on where the review stands, for the reader who is not acting on it. */
function StatusAlert({ review }: { review: ReviewDetail }) {
  const mine = review.steps.filter((s) => s.canAct);
  if (review.status === 'pending' && mine.length > 0)
    return <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`待本单位审核：${mine.map((s) => s.label).join('、')}`} description="请核对变更内容后同意或退回；退回须写明原因。" />;
  if (review.status === 'pending')
    return <Alert type="info" showIcon style={{ marginBottom: 16 }} message={review.waitingFor.length > 0 ? `正在等待 ${review.waitingFor.join('、')} 审核` : '审核中'} />;
  if (review.status === 'returned') {
    const why = review.steps.find((s) => s.status === 'returned')?.reason;
    return (
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 16 }}
        message={why ? `已退回：${why}` : '已退回'}
        description={review.canResubmit ? '可按退回原因修改后重新提交。' : undefined}
      />
    );
  }
  if (review.status === 'approved') return <Alert type="success" showIcon style={{ marginBottom: 16 }} message="审核通过，已办结" />;
  return <Alert type="info" showIcon style={{ marginBottom: 16 }} message="提交单位已撤回，审核终止" />;
}

/** 审核待办 → one review: what changes, who reviews at each step, the trail, and the caller's actions. */
export function ReviewDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const query = useQuery({ queryKey: reviewKey(id), queryFn: () => reviewsApi.get(id) });
  const review = query.data;
  const back = () => navigate(-1);
  const breadcrumb = { items: [{ title: <Link to="/reviews">审核待办</Link> }, { title: '审核详情' }] };

  if (!review) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <PageContainer title="审核详情" breadcrumb={breadcrumb} onBack={back}>
        <Card>
          {query.error ? (
            <Result
              status={notFound ? '404' : 'error'}
              title={notFound ? '审核事项不存在或不在您的管辖范围内' : '审核详情加载失败'}
              subTitle={notFound ? undefined : (query.error as Error).message}
              extra={notFound ? <Button onClick={() => navigate('/reviews')}>返回审核待办</Button> : <Button onClick={() => void query.refetch()}>重试</Button>}
            />
          ) : (
            <Skeleton active />
          )}
        </Card>
      </PageContainer>
    );
  }

  return (
    <PageContainer
      title={reviewSubjectTypeLabels[review.subjectType]}
      tags={
        <span data-testid="review-status">
          <ReviewStatusTag status={review.status} overdue={review.overdue} />
        </span>
      }
      breadcrumb={breadcrumb}
      onBack={back}
      extra={<ReviewActions review={review} />}
      content={
        <>
          {/* The title names the person or organisation and both sides; it can be long, so it gets its own line. */}
          <Typography.Paragraph strong className="review-title" data-testid="review-detail-title">
            {review.title}
          </Typography.Paragraph>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, xl: 3 }}
            items={[
              { key: 'org', label: '提交单位', children: review.submitterOrgName },
              { key: 'by', label: '提交人', children: review.submittedBy ?? '—' },
              { key: 'at', label: '提交时间', children: formatDateTime(review.submittedAt) },
              { key: 'waiting', label: '当前审核单位', children: review.waitingFor.length > 0 ? review.waitingFor.join('、') : '—' },
              { key: 'updated', label: '最后处理时间', children: formatDateTime(review.updatedAt) },
              ...(review.round > 1 ? [{ key: 'round', label: '提交次数', children: `第 ${review.round} 次提交` }] : []),
            ]}
          />
        </>
      }
    >
      <StatusAlert review={review} />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card title="变更内容" size="small" style={{ marginBottom: 16 }}>
            <ReviewChangesTable changes={review.changes} />
          </Card>
          <Card title="审核流程" size="small" style={{ marginBottom: 16 }}>
            <ReviewSteps steps={review.steps} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title="处理轨迹" size="small" style={{ marginBottom: 16 }}>
            <ReviewTrail trail={review.trail} />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
