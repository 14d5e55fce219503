import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { App, Badge, Button, Empty } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { reviewBoxLabels, reviewBoxes, reviewStatusLabels, reviewStatuses, reviewSubjectTypeLabels, reviewSubjectTypes, type ReviewBox, type ReviewRow } from '@gonghui/contracts';
import { errorMessage } from '../../api/client';
import { reviewsApi } from '../../api/reviews';
import { TwoLines } from '../../components/two-lines';
import { useReviewCounts } from '../../hooks/use-review-counts';
import { formatMinute } from '../../utils/format';
import { ReviewStatusTag, ReviewSubjectTag } from './review-tags';

const subjectEnum = Object.fromEntries(reviewSubjectTypes.map((t) => [t, { text: reviewSubjectTypeLabels[t] }]));
const statusEnum = Object.fromEntries(reviewStatuses.map((s) => [s, { text: reviewStatusLabels[s] }]));

const isBox = (v: string | null): v is ReviewBox => !!v && (reviewBoxes as readonly string[]).includes(v);

/** What each box holds, under the tabs. */
const boxHints: Record<ReviewBox, string> = {
  todo: '等待本单位审核的事项。逾期未审的事项会提醒上级工会。',
  overdue: '下级单位逾期未审核的事项，可督促其尽快处理。',
  submitted: '本单位提交的事项：被退回的可修改后重新提交；尚无单位处理的可撤回。',
  done: '本单位已同意或退回的事项。',
  all: '本单位及下级单位提交或审核的全部事项。',
};

/** 审核待办: the reviews of the active post's organisation by box, paged on the server. */
export function ReviewsPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const box: ReviewBox = isBox(search.get('box')) ? (search.get('box') as ReviewBox) : 'todo';
  const counts = useReviewCounts().data;
  const boxCount: Partial<Record<ReviewBox, number>> = { todo: counts?.todo, overdue: counts?.overdue };

  const columns: ProColumns<ReviewRow>[] = [
    { title: '关键字', dataIndex: 'q', hideInTable: true, order: 3, fieldProps: { placeholder: '标题中的姓名或单位名称', maxLength: 50 } },
    {
      title: '事项类型',
      dataIndex: 'subjectType',
      valueType: 'select',
      valueEnum: subjectEnum,
      order: 2,
      fieldProps: { placeholder: '全部类型' },
      width: 130,
      render: (_, r) => <ReviewSubjectTag type={r.subjectType} />,
    },
    {
      title: '标题',
      dataIndex: 'title',
      search: false,
      ellipsis: true,
      render: (_, r) => (
        <Link to={`/reviews/${r.id}`} data-testid="review-title">
          {r.title}
        </Link>
      ),
    },
    { title: '提交单位', dataIndex: 'submitterOrgName', search: false, ellipsis: true, width: 180 },
    {
      title: '提交人 / 提交时间',
      dataIndex: 'submittedAt',
      search: false,
      width: 150,
      render: (_, r) => <TwoLines top={r.submittedBy ?? '—'} bottom={formatMinute(r.submittedAt)} />,
    },
    {
      title: '当前审核单位',
      key: 'waitingFor',
      search: false,
      ellipsis: true,
      width: 180,
      render: (_, r) => (r.waitingFor.length > 0 ? r.waitingFor.join('、') : <span className="muted">—</span>),
    },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: statusEnum,
      order: 1,
      fieldProps: { placeholder: '全部状态' },
      width: 130,
      render: (_, r) => <ReviewStatusTag status={r.status} overdue={r.overdue} />,
    },
    {
      title: '操作',
      key: 'op',
      search: false,
      fixed: 'right',
      width: 72,
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => navigate(`/reviews/${r.id}`)}>
          {box === 'todo' ? '审核' : '查看'}
        </Button>
      ),
    },
  ];

  return (
    <PageContainer
      title="审核待办"
      breadcrumb={{ items: [{ title: '审核待办' }, { title: reviewBoxLabels[box] }] }}
      content={boxHints[box]}
      tabActiveKey={box}
      onTabChange={(key) => setSearch(key === 'todo' ? {} : { box: key }, { replace: true })}
      tabList={reviewBoxes.map((b) => ({
        key: b,
        tab: (
          <span data-testid={`review-box-${b}`}>
            {reviewBoxLabels[b]}
            {!!boxCount[b] && <Badge count={boxCount[b]} size="small" overflowCount={99} style={{ marginInlineStart: 6 }} color={b === 'overdue' ? '#d46b08' : undefined} />}
          </span>
        ),
      }))}
    >
      <div data-testid="review-table">
        <ProTable<ReviewRow>
          key={box}
          rowKey="id"
          columns={columns}
          size="middle"
          headerTitle={reviewBoxLabels[box]}
          params={{ box }}
          scroll={{ x: 1180 }}
          search={{ labelWidth: 'auto', defaultCollapsed: false, span: 8 }}
          options={{ reload: true, density: false, setting: false }}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t, [from, to]) => `第 ${from}–${to} 条，共 ${t} 件` }}
          locale={{ emptyText: <Empty description={box === 'todo' ? '没有等待本单位审核的事项' : '没有符合条件的审核事项'} /> }}
          request={async ({ current = 1, pageSize = 20, subjectType, status, q }) => {
            const page = await reviewsApi.list({ box, page: current, pageSize, subjectType: subjectType || undefined, status: status || undefined, q: q?.trim() || undefined });
            return { data: page.items, total: page.total, success: true };
          }}
          onRequestError={(e) => message.error(errorMessage(e))}
        />
      </div>
    </PageContainer>
  );
}
