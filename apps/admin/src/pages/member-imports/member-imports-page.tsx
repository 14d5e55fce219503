import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Empty, Space, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { importKindLabels, importKinds, importStatusLabels, importStatuses, isBaseUnionKind, type ImportTask, type ImportVerdict } from '@gonghui/contracts';
import { errorMessage } from '../../api/client';
import { isImportBusy, memberImportsApi } from '../../api/member-imports';
import { TwoLines } from '../../components/two-lines';
import { useSession } from '../../hooks/use-session';
import { formatMinute } from '../../utils/format';
import { ImportKindTag, ImportStatusTag, verdictColors } from './import-tags';
import { resultFileLabel } from './result-download-button';

const statusEnum = Object.fromEntries(importStatuses.map((s) => [s, { text: importStatusLabels[s] }]));
const kindEnum = Object.fromEntries(importKinds.map((k) => [k, { text: importKindLabels[k] }]));

/** Quick ranges for 提交日期 (seed 001: the old system showed only today's tasks). */
const datePresets = [
  { label: '今天', value: [dayjs().startOf('day'), dayjs().endOf('day')] as [dayjs.Dayjs, dayjs.Dayjs] },
  { label: '最近7天', value: [dayjs().subtract(6, 'day').startOf('day'), dayjs().endOf('day')] as [dayjs.Dayjs, dayjs.Dayjs] },
  { label: '最近30天', value: [dayjs().subtract(29, 'day').startOf('day'), dayjs().endOf('day')] as [dayjs.Dayjs, dayjs.Dayjs] },
];

/**
 * Polls every 3 s while any task on the page is still being worked on. A constant, not an inline
 * function: ProTable restarts its timer whenever the `polling` prop changes identity.
 */
const pollWhileBusy = (rows: ImportTask[]) => (rows?.some((t) => isImportBusy(t.status)) ? 3000 : 0);

/** The rows of one verdict: a number once the task has been checked, a dash before. */
const countColumn = (verdict: ImportVerdict, title: string): ProColumns<ImportTask> => ({
  title,
  key: verdict,
  search: false,
  width: 64,
  align: 'right',
  render: (_, t) => {
    const checked = t.status !== 'queued' && t.status !== 'checking' && t.status !== 'failed';
    const n = t.counts[verdict];
    if (!checked || (t.kind === 'transfer_in' && verdict === 'update')) return <span className="muted">—</span>;
    return <span className="nowrap" style={n > 0 ? { color: verdictColors[verdict], fontWeight: 500 } : { color: '#bfbfbf' }}>{n.toLocaleString('zh-CN')}</span>;
  },
});

/** 会员管理 → 采集任务: template, organisation-code and transfer-in imports of this union and the unions below it. */
export function MemberImportsPage() {
  const session = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const post = session.activePost;
  // A base union's tasks are all its own: the union column speaks only to the unions above.
  const showOrg = !(post && isBaseUnionKind(post.orgKind));

  const columns: ProColumns<ImportTask>[] = [
    {
      title: '文件名称',
      dataIndex: 'fileName',
      search: false,
      ellipsis: true,
      width: 180,
      render: (_, t) => <Link to={`/member-imports/${t.id}`}>{t.fileName}</Link>,
    },
    { title: '任务类型', dataIndex: 'kind', valueType: 'select', valueEnum: kindEnum, fieldProps: { placeholder: '全部类型' }, width: 150, render: (_, t) => <ImportKindTag kind={t.kind} /> },
    ...(showOrg ? [{ title: '所属工会', dataIndex: 'orgName', search: false, ellipsis: true, width: 180 } as ProColumns<ImportTask>] : []),
    {
      title: '任务状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: statusEnum,
      fieldProps: { placeholder: '全部状态' },
      width: 110,
      render: (_, t) => <ImportStatusTag task={t} />,
    },
    {
      title: '校验结果（行）',
      key: 'counts',
      search: false,
      children: [countColumn('new', '新增'), countColumn('update', '更新'), countColumn('conflict', '冲突'), countColumn('error', '错误')],
      tooltip: '转入任务的“新增”为可转入的人数',
    } as ProColumns<ImportTask>,
    {
      title: '提交人 / 提交时间',
      key: 'submitted',
      search: false,
      width: 160,
      render: (_, t) => <TwoLines top={t.submittedBy} bottom={formatMinute(t.submittedAt)} />,
    },
    {
      title: '提交日期',
      dataIndex: 'submittedOn',
      valueType: 'dateRange',
      hideInTable: true,
      fieldProps: { presets: datePresets, placeholder: ['开始日期', '结束日期'] },
      search: {
        transform: (value: [string, string]) => ({
          from: value?.[0] ? dayjs(value[0]).format('YYYY-MM-DD') : undefined,
          to: value?.[1] ? dayjs(value[1]).format('YYYY-MM-DD') : undefined,
        }),
      },
    },
    { title: '状态更新时间', dataIndex: 'updatedAt', search: false, width: 140, render: (_, t) => <span className="nowrap">{formatMinute(t.updatedAt)}</span> },
    {
      title: '操作',
      key: 'op',
      search: false,
      fixed: 'right',
      width: 124,
      render: (_, t) => (
        <Space size={0} className="row-actions">
          <Button type="link" size="small" onClick={() => navigate(`/member-imports/${t.id}`)}>
            查看
          </Button>
          {t.hasResultFile && (
            <Tooltip title={resultFileLabel(t)}>
              <Button type="link" size="small" href={memberImportsApi.resultUrl(t.id)}>
                下载结果
              </Button>
            </Tooltip>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title="采集任务"
      breadcrumb={{ items: [{ title: '会员管理' }, { title: '采集任务' }] }}
      content="本工会及下级工会提交的会员采集任务。上传的采集表在后台逐行校验，校验完成后须预览并确认导入；可下载结果文件查看每一行的校验或导入结果。"
    >
      <ProTable<ImportTask>
        rowKey="id"
        columns={columns}
        size="middle"
        headerTitle="任务列表"
        scroll={{ x: showOrg ? 1320 : 1120 }}
        search={{ labelWidth: 'auto', defaultCollapsed: false, span: 8 }}
        options={{ reload: true, density: false, setting: false }}
        polling={pollWhileBusy}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t, [from, to]) => `第 ${from}–${to} 条，共 ${t} 个任务` }}
        locale={{ emptyText: <Empty description="没有符合条件的采集任务" /> }}
        request={async ({ current = 1, pageSize = 20, status, kind, from, to }) => {
          const page = await memberImportsApi.list({ page: current, pageSize, status: status || undefined, kind: kind || undefined, from, to });
          return { data: page.items, total: page.total, success: true };
        }}
        onRequestError={(e) => message.error(errorMessage(e))}
      />
    </PageContainer>
  );
}
