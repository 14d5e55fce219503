import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Popconfirm, Space, Table, Tooltip } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { activityKindLabels, activityOpenLabels, activityStatusLabels, activityStatuses, type ActivityCounts, type ActivityRow } from '@gonghui/contracts';
import { errorMessage } from '../../api/client';
import { activitiesApi, activityKey, type Activity } from '../../api/benefits';
import { TwoLines } from '../../components/two-lines';
import { formatMinute } from '../../utils/format';
import { ActivityFormDrawer } from './activity-form-drawer';
import { ActivityOpenTag, ActivityStatusTag } from './benefit-tags';
import { ReviewTrailModal } from './review-trail-modal';
import { useActivityActions } from './use-activity-actions';
import { useMerchantOptions } from './use-merchant-options';

const statusEnum = Object.fromEntries(activityStatuses.map((s) => [s, { text: activityStatusLabels[s] }]));
const openEnum = { open: { text: activityOpenLabels.open }, closed: { text: activityOpenLabels.closed } };
const editable = (r: ActivityRow) => r.status === 'draft' || r.status === 'returned';

/**
 * 普惠活动 → 活动管理 (seed 001 fig. 29): each activity with its union, merchants, state, review
 * state and window, 报名人数 / 参与人数 / 核销 and a 合计 row over everything the filters match;
 * 处理轨迹 shows the review trail; 编辑 until submitted, 审核 submits, 开启 / 关闭 once approved.
 */
export function ActivitiesPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const actionRef = useRef<ActionType>(null);
  const merchants = useMerchantOptions();
  const [totals, setTotals] = useState<ActivityCounts | null>(null);
  const [editing, setEditing] = useState<{ activity: Activity | null; key: number } | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [trailOf, setTrailOf] = useState<ActivityRow | null>(null);
  const [loadingRow, setLoadingRow] = useState<string | null>(null);
  const actions = useActivityActions(() => actionRef.current?.reload());

  const openForm = (activity: Activity | null) => {
    setEditing({ activity, key: Date.now() });
    setFormOpen(true);
  };
  const edit = async (r: ActivityRow) => {
    setLoadingRow(r.id);
    try {
      openForm(await qc.fetchQuery({ queryKey: activityKey(r.id), queryFn: () => activitiesApi.get(r.id), staleTime: 0 }));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setLoadingRow(null);
    }
  };

  const columns: ProColumns<ActivityRow>[] = [
    { title: '活动名称', dataIndex: 'q', hideInTable: true, order: 4, fieldProps: { placeholder: '标题中的字', maxLength: 50 } },
    {
      title: '活动标题',
      dataIndex: 'title',
      search: false,
      fixed: 'left',
      width: 170,
      ellipsis: true,
      // A long title is cut with an ellipsis, and shown whole on hover.
      render: (_, r) => (
        <TwoLines
          cut
          tooltip={r.title}
          top={
            <Link to={`/benefits/activities/${r.id}`} data-testid="activity-title">
              {r.title}
            </Link>
          }
          bottom={activityKindLabels[r.kind]}
        />
      ),
    },
    { title: '发布工会', dataIndex: 'orgName', search: false, width: 120, ellipsis: true },
    { title: '商家', dataIndex: 'merchantId', order: 2, valueType: 'select', hideInTable: true, fieldProps: { options: merchants.options, placeholder: '全部商家', showSearch: true, optionFilterProp: 'label' } },
    { title: '商家名称', dataIndex: 'merchantNames', search: false, width: 100, ellipsis: true, render: (_, r) => (r.merchantNames.length ? r.merchantNames.join('、') : '—') },
    { title: '状态', dataIndex: 'open', order: 3, valueType: 'select', valueEnum: openEnum, width: 64, fieldProps: { placeholder: '全部' }, render: (_, r) => <ActivityOpenTag isOpen={r.isOpen} /> },
    {
      title: '审核状态 / 时间',
      dataIndex: 'status',
      order: 1,
      valueType: 'select',
      valueEnum: statusEnum,
      formItemProps: { label: '审核' },
      width: 112,
      fieldProps: { placeholder: '全部' },
      render: (_, r) => (
        <div className="nowrap">
          <ActivityStatusTag status={r.status} />
          <div className="muted" style={{ fontSize: 12 }}>
            {r.reviewedAt ? formatMinute(r.reviewedAt) : '—'}
          </div>
        </div>
      ),
    },
    { title: '活动开始 / 结束时间', dataIndex: 'startsAt', search: false, width: 132, render: (_, r) => <TwoLines top={formatMinute(r.startsAt)} bottom={formatMinute(r.endsAt)} /> },
    { title: '报名人数', dataIndex: ['counts', 'registered'], search: false, width: 70, align: 'right' },
    { title: '参与人数', dataIndex: ['counts', 'participants'], search: false, width: 70, align: 'right' },
    { title: '核销', dataIndex: ['counts', 'redeemed'], search: false, width: 52, align: 'right' },
    {
      title: '审核记录',
      key: 'trail',
      search: false,
      width: 76,
      render: (_, r) =>
        r.reviewId ? (
          <Button type="link" size="small" onClick={() => setTrailOf(r)} data-testid="activity-trail">
            处理轨迹
          </Button>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      title: '操作',
      key: 'op',
      search: false,
      fixed: 'right',
      width: 110,
      render: (_, r) => (
        <Space size={0} className="row-actions">
          {editable(r) && (
            <Button type="link" size="small" loading={loadingRow === r.id} onClick={() => void edit(r)}>
              编辑
            </Button>
          )}
          {editable(r) && (
            <Popconfirm title="提交上级工会审核？" description="提交后不能再编辑，审核通过后才能开启。" okText="提交" cancelText="取消" onConfirm={() => actions.run(r, 'submit')}>
              <Button type="link" size="small" loading={actions.busy(r.id, 'submit')} data-testid="activity-submit">
                审核
              </Button>
            </Popconfirm>
          )}
          {r.status === 'approved' &&
            (r.isOpen ? (
              <Popconfirm title="关闭活动？" description="关闭后会员手机端不再显示此活动。" okText="关闭" cancelText="取消" onConfirm={() => actions.run(r, 'close')}>
                <Button type="link" size="small" danger loading={actions.busy(r.id, 'close')}>
                  关闭
                </Button>
              </Popconfirm>
            ) : (
              <Button type="link" size="small" loading={actions.busy(r.id, 'open')} onClick={() => void actions.run(r, 'open')} data-testid="activity-open">
                开启
              </Button>
            ))}
          {r.status === 'pending' && (
            <Tooltip title="等待上级工会审核">
              <span className="muted" style={{ padding: '0 7px' }}>审核中</span>
            </Tooltip>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title="活动管理"
      breadcrumb={{ items: [{ title: '普惠活动' }, { title: '活动管理' }] }}
      content="领券活动：保存后提交上级工会审核，审核通过后开启，会员即可在手机端领取；关闭后手机端不显示。活动不可删除。报名人数为领过券的人数，参与人数为核销过券的人数。"
    >
      <div data-testid="activity-table">
        <ProTable<ActivityRow>
          rowKey="id"
          actionRef={actionRef}
          columns={columns}
          size="middle"
          headerTitle="活动列表"
          scroll={{ x: 1076 }}
          search={{ labelWidth: 'auto', defaultCollapsed: false, span: 6 }}
          options={{ reload: true, density: false, setting: false }}
          toolBarRender={() => [
            <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)} data-testid="activity-create">
              新增活动
            </Button>,
          ]}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t, [from, to]) => `第 ${from}–${to} 条，共 ${t} 个活动` }}
          locale={{ emptyText: <Empty description="还没有活动，点击“新增活动”创建领券活动" /> }}
          request={async ({ current = 1, pageSize = 20, q, open, status, merchantId }) => {
            const page = await activitiesApi.list({ page: current, pageSize, q: q?.trim() || undefined, open: open || undefined, status: status || undefined, merchantId: merchantId || undefined });
            setTotals(page.totals);
            return { data: page.items, total: page.total, success: true };
          }}
          onRequestError={(e) => message.error(errorMessage(e))}
          summary={() =>
            totals && (
              <Table.Summary fixed>
                <Table.Summary.Row className="totals-row" data-testid="activity-totals">
                  <Table.Summary.Cell index={0}>
                    <b>合计</b>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} colSpan={5} />
                  <Table.Summary.Cell index={6} align="right">
                    <b data-testid="total-registered">{totals.registered}</b>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={7} align="right">
                    <b data-testid="total-participants">{totals.participants}</b>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={8} align="right">
                    <b data-testid="total-redeemed">{totals.redeemed}</b>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={9} colSpan={2} />
                </Table.Summary.Row>
              </Table.Summary>
            )
          }
        />
      </div>
      {editing && (
        <ActivityFormDrawer
          key={editing.key}
          activity={editing.activity}
          open={formOpen}
          onOpenChange={setFormOpen}
          onSaved={(a) => {
            // 编辑 loaded the activity into the cache: keep it current, or its detail page shows the old one.
            qc.setQueryData(activityKey(a.id), a);
            actionRef.current?.reload();
          }}
        />
      )}
      <ReviewTrailModal reviewId={trailOf?.reviewId ?? null} title={trailOf?.title ?? ''} onClose={() => setTrailOf(null)} />
    </PageContainer>
  );
}
