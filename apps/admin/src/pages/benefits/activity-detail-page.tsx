import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Col, Descriptions, Empty, Image, Popconfirm, Result, Row, Skeleton, Space, Table } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { activityKindLabels, activityScopeLabels, claimLimitKindLabels, type ActivityPrize } from '@gonghui/contracts';
import { ApiError } from '../../api/client';
import { activitiesApi, activityKey, type Activity } from '../../api/benefits';
import { reviewKey, reviewsApi } from '../../api/reviews';
import { formatDateTime, formatMinute } from '../../utils/format';
import { ReviewTrail } from '../reviews/review-trail';
import { ActivityFormDrawer } from './activity-form-drawer';
import { ActivityRedemptionsTable } from './activity-redemptions-table';
import { ActivitySettlementCard } from './activity-settlement-card';
import { ActivityOpenTag, ActivityStatusTag } from './benefit-tags';
import { yuanLabel } from './money';
import { useActivityActions } from './use-activity-actions';

function ReviewCard({ activity }: { activity: Activity }) {
  const q = useQuery({ queryKey: reviewKey(activity.reviewId ?? ''), queryFn: () => reviewsApi.get(activity.reviewId!), enabled: !!activity.reviewId });
  return (
    <Card
      title="审核记录 · 处理轨迹"
      size="small"
      style={{ marginBottom: 16 }}
      extra={activity.reviewId && <Link to={`/reviews/${activity.reviewId}`} data-testid="activity-review-link">在审核待办中查看</Link>}
    >
      {!activity.reviewId ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未提交审核" />
      ) : q.isPending ? (
        <Skeleton active />
      ) : q.isError ? (
        <span className="muted">{(q.error as Error).message}</span>
      ) : (
        <>
          {q.data.waitingFor.length > 0 && activity.status === 'pending' && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`等待 ${q.data.waitingFor.join('、')} 审核`} />}
          <ReviewTrail trail={q.data.trail} />
        </>
      )}
    </Card>
  );
}

/** 活动详情: what the activity is, its prizes and stock, its review trail, claims and redemptions, and settlement. */
export function ActivityDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: activityKey(id), queryFn: () => activitiesApi.get(id) });
  const [editKey, setEditKey] = useState<number | null>(null);
  const [editOpen, setEditOpen] = useState(false);
  const refresh = (a: Activity) => {
    qc.setQueryData(activityKey(a.id), a);
    if (a.reviewId) void qc.invalidateQueries({ queryKey: reviewKey(a.reviewId) });
    void qc.invalidateQueries({ queryKey: ['activity-settlement', a.id] });
  };
  const actions = useActivityActions(refresh);
  const breadcrumb = { items: [{ title: '普惠活动' }, { title: <Link to="/benefits/activities">活动管理</Link> }, { title: '活动详情' }] };
  const a = q.data;

  if (!a) {
    const notFound = q.error instanceof ApiError && q.error.status === 404;
    return (
      <PageContainer title="活动详情" breadcrumb={breadcrumb} onBack={() => navigate('/benefits/activities')}>
        <Card>
          {q.error ? (
            <Result status={notFound ? '404' : 'error'} title={notFound ? '活动不存在或不在您的管辖范围内' : '活动加载失败'} subTitle={notFound ? undefined : (q.error as Error).message} extra={<Button onClick={() => navigate('/benefits/activities')}>返回活动管理</Button>} />
          ) : (
            <Skeleton active />
          )}
        </Card>
      </PageContainer>
    );
  }

  const prizeColumns = [
    { title: '优惠券', dataIndex: 'couponName', render: (_: unknown, p: ActivityPrize) => <div><div>{p.couponName}</div><div className="muted" style={{ fontSize: 12 }}>{p.couponTitle}</div></div> },
    { title: '核销商家', dataIndex: 'merchantName', render: (v: string | null) => v ?? '—' },
    { title: '面值', dataIndex: 'faceValueFen', align: 'right' as const, render: (v: number) => yuanLabel(v) },
    { title: '券有效期', key: 'validity', render: (_: unknown, p: ActivityPrize) => `${formatMinute(p.validFrom)} 至 ${formatMinute(p.validTo)}` },
    { title: '数量', dataIndex: 'quantity', align: 'right' as const },
    { title: '剩余', dataIndex: 'remaining', align: 'right' as const, render: (v: number) => <b data-testid="prize-remaining">{v}</b> },
  ];

  return (
    <PageContainer
      title={a.title}
      tags={
        <Space size={4}>
          <ActivityStatusTag status={a.status} />
          {a.status === 'approved' && <ActivityOpenTag isOpen={a.isOpen} />}
        </Space>
      }
      breadcrumb={breadcrumb}
      onBack={() => navigate('/benefits/activities')}
      extra={
        <Space>
          {a.canEdit && (
            <Button
              onClick={() => {
                setEditKey(Date.now());
                setEditOpen(true);
              }}
            >
              编辑
            </Button>
          )}
          {a.canEdit && (
            <Popconfirm title="提交上级工会审核？" description="提交后不能再编辑，审核通过后才能开启。" okText="提交" cancelText="取消" onConfirm={() => actions.run(a, 'submit')}>
              <Button type="primary" loading={actions.busy(a.id, 'submit')} data-testid="detail-submit">
                {a.status === 'returned' ? '重新提交审核' : '提交审核'}
              </Button>
            </Popconfirm>
          )}
          {a.status === 'approved' &&
            (a.isOpen ? (
              <Popconfirm title="关闭活动？" description="关闭后会员手机端不再显示此活动。" okText="关闭" cancelText="取消" onConfirm={() => actions.run(a, 'close')}>
                <Button danger loading={actions.busy(a.id, 'close')}>关闭活动</Button>
              </Popconfirm>
            ) : (
              <Button type="primary" loading={actions.busy(a.id, 'open')} onClick={() => void actions.run(a, 'open')} data-testid="detail-open">
                开启活动
              </Button>
            ))}
        </Space>
      }
      content={
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'org', label: '发布工会', children: a.orgName },
            { key: 'kind', label: '活动类型', children: activityKindLabels[a.kind] },
            { key: 'limit', label: '领券次数', children: a.claimLimitKind === 'daily' ? `每人每天限领 ${a.claimLimitPerDay} 次` : claimLimitKindLabels[a.claimLimitKind] },
            { key: 'scope', label: '适用范围', children: activityScopeLabels[a.scope] },
            { key: 'window', label: '活动时间', children: `${formatMinute(a.startsAt)} 至 ${formatMinute(a.endsAt)}` },
            { key: 'counts', label: '报名 / 参与 / 核销', children: `${a.counts.registered} 人 / ${a.counts.participants} 人 / ${a.counts.redeemed} 张` },
            { key: 'submitted', label: '提交审核时间', children: formatDateTime(a.submittedAt) },
            { key: 'reviewed', label: '审核时间', children: formatDateTime(a.reviewedAt) },
            { key: 'deadline', label: '结算时间', children: `${formatMinute(a.deadline)} 后可导出` },
          ]}
        />
      }
    >
      {a.status === 'returned' && a.returnReason && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={`上级工会退回：${a.returnReason}`} description="编辑修改后，点击“重新提交审核”。" />}
      {a.status === 'draft' && <Alert type="info" showIcon style={{ marginBottom: 16 }} message="活动尚未提交审核。确认奖品列表和活动内容无误后，点击“提交审核”，由上级工会审核。" />}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card title="奖品列表" size="small" style={{ marginBottom: 16 }}>
            <Table<ActivityPrize> rowKey="id" size="small" pagination={false} columns={prizeColumns} dataSource={a.prizes} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有奖品：编辑活动，添加优惠券及数量" /> }} />
          </Card>
          <Card title="活动内容" size="small" style={{ marginBottom: 16 }}>
            <Space align="start" size={16} style={{ width: '100%' }} className="activity-content-row">
              {a.coverImage && <Image src={activitiesApi.coverUrl(a.id, a.version)} alt="活动封面" width={200} style={{ borderRadius: 6 }} />}
              {a.contentHtml ? (
                // Sanitised by the server when saved.
                <div className="rich-content" dangerouslySetInnerHTML={{ __html: a.contentHtml }} />
              ) : (
                <span className="muted">未填写活动内容</span>
              )}
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <ReviewCard activity={a} />
          <ActivitySettlementCard activity={a} />
        </Col>
      </Row>
      {a.status === 'approved' && (
        <Card size="small" bodyStyle={{ padding: 0 }}>
          <ActivityRedemptionsTable activityId={a.id} />
        </Card>
      )}
      {editKey !== null && <ActivityFormDrawer key={editKey} activity={a} open={editOpen} onOpenChange={setEditOpen} onSaved={refresh} />}
    </PageContainer>
  );
}
