import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Empty, Segmented } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { reviewStatusLabels, transferSourceLabels, transferStatuses, type Transfer } from '@gonghui/contracts';
import { errorMessage } from '../../api/client';
import { transfersApi, type TransferQuery } from '../../api/transfers';
import { TwoLines } from '../../components/two-lines';
import { usePermission } from '../../hooks/use-session';
import { formatMinute } from '../../utils/format';
import { ReviewStatusTag } from '../reviews/review-tags';

type Direction = NonNullable<TransferQuery['direction']>;
const directions: { label: string; value: Direction }[] = [
  { label: '转入', value: 'in' },
  { label: '转出', value: 'out' },
  { label: '全部', value: 'all' },
];
const statusEnum = Object.fromEntries(transferStatuses.map((s) => [s, { text: reviewStatusLabels[s] }]));

/** 会员管理 → 转会记录: members transferred into or out of this union and the unions below it. */
export function TransfersPage() {
  const { message } = App.useApp();
  const canReview = usePermission('review.act');
  const [direction, setDirection] = useState<Direction>('in');

  const columns: ProColumns<Transfer>[] = [
    { title: '姓名', dataIndex: 'name', search: false, width: 90, fixed: 'left', render: (_, t) => <span className="nowrap">{t.name}</span> },
    { title: '证件号码', dataIndex: 'idNumberMasked', search: false, width: 168, render: (_, t) => <span className="mono">{t.idNumberMasked}</span> },
    { title: '转出单位', dataIndex: 'fromOrgName', search: false, ellipsis: true },
    {
      title: '转入单位',
      dataIndex: 'toOrgName',
      search: false,
      ellipsis: true,
      render: (_, t) =>
        t.newMemberNo ? (
          <TwoLines
            cut
            top={t.toOrgName}
            bottom={
              <>
                新会员编号 <span className="mono">{t.newMemberNo}</span>
              </>
            }
          />
        ) : (
          t.toOrgName
        ),
    },
    {
      title: '来源 / 原因',
      dataIndex: 'source',
      search: false,
      width: 150,
      render: (_, t) => (
        <TwoLines cut tooltip={t.reason} top={transferSourceLabels[t.source] ?? t.source} bottom={t.reason} />
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: statusEnum,
      fieldProps: { placeholder: '全部状态' },
      width: 80,
      render: (_, t) => <ReviewStatusTag status={t.status} />,
    },
    {
      title: '提交时间 / 办结时间',
      dataIndex: 'submittedAt',
      search: false,
      width: 156,
      render: (_, t) => <TwoLines top={formatMinute(t.submittedAt)} bottom={t.decidedAt ? formatMinute(t.decidedAt) : '未办结'} />,
    },
    {
      title: '提交日期',
      dataIndex: 'submittedOn',
      valueType: 'dateRange',
      hideInTable: true,
      fieldProps: { placeholder: ['开始日期', '结束日期'] },
      search: {
        transform: (value: [string, string]) => ({
          from: value?.[0] ? dayjs(value[0]).format('YYYY-MM-DD') : undefined,
          to: value?.[1] ? dayjs(value[1]).format('YYYY-MM-DD') : undefined,
        }),
      },
    },
    {
      title: '操作',
      key: 'op',
      search: false,
      fixed: 'right',
      width: 80,
      render: (_, t) =>
        canReview ? (
          <Link to={`/reviews/${t.reviewId}`} className="nowrap">
            审核详情
          </Link>
        ) : (
          <Button type="link" size="small" disabled>
            审核详情
          </Button>
        ),
    },
  ];

  return (
    <PageContainer
      title="转会记录"
      breadcrumb={{ items: [{ title: '会员管理' }, { title: '转会记录' }] }}
      content="转入本工会（及下级工会）和从本工会转出的会员。转会经转出方审核同意后生效：原会籍记为“转出”，在转入工会建立“转入”会籍；审核期间会员显示为“转会中”。"
    >
      <div data-testid="transfer-table">
        <ProTable<Transfer>
          rowKey="id"
          columns={columns}
          size="middle"
          headerTitle={
            <Segmented<Direction> value={direction} onChange={setDirection} options={directions} data-testid="transfer-direction" />
          }
          params={{ direction }}
          scroll={{ x: 1100 }}
          search={{ labelWidth: 'auto', defaultCollapsed: false, span: 8 }}
          options={{ reload: true, density: false, setting: false }}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t, [from, to]) => `第 ${from}–${to} 条，共 ${t} 条` }}
          locale={{ emptyText: <Empty description="没有符合条件的转会记录" /> }}
          request={async ({ current = 1, pageSize = 20, status, from, to }) => {
            const page = await transfersApi.list({ page: current, pageSize, direction, status: status || undefined, from, to });
            return { data: page.items, total: page.total, success: true };
          }}
          onRequestError={(e) => message.error(errorMessage(e))}
        />
      </div>
    </PageContainer>
  );
}
