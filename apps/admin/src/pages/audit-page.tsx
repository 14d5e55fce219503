import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { App, Empty, Tag } from 'antd';
import dayjs from 'dayjs';
import { auditActionLabels } from '@gonghui/contracts';
import { auditApi, type AuditRow } from '../api/audit';
import { errorMessage } from '../api/client';
import { JsonBlock } from '../components/json-block';
import { formatDateTime, orDash } from '../utils/format';
import { useAuditVerify } from '../hooks/use-audit-verify';
import { AuditVerifyButton } from './audit/audit-verify-button';
import { AuditVerifyResult } from './audit/audit-verify-result';

const actionEnum = Object.fromEntries(Object.entries(auditActionLabels).map(([k, v]) => [k, { text: v }]));
const actionLabel = (action: string) => (auditActionLabels as Record<string, string>)[action] ?? action;

/** 审计日志: append-only records, filtered and paged on the server; before/after on expand. */
export function AuditPage() {
  const { message } = App.useApp();
  const verify = useAuditVerify();
  const columns: ProColumns<AuditRow>[] = [
    { title: '序号', dataIndex: 'seq', search: false, width: 80 },
    { title: '时间', dataIndex: 'at', search: false, width: 170, render: (_, r) => <span className="nowrap">{formatDateTime(r.at)}</span> },
    {
      title: '时间范围',
      dataIndex: 'timeRange',
      valueType: 'dateTimeRange',
      hideInTable: true,
      search: {
        transform: (value: [string, string]) => ({
          from: value?.[0] ? dayjs(value[0]).format() : undefined,
          to: value?.[1] ? dayjs(value[1]).format() : undefined,
        }),
      },
    },
    { title: '操作人', dataIndex: 'actor', hideInTable: true, fieldProps: { placeholder: '操作人用户名' } },
    {
      title: '操作人',
      dataIndex: 'actorName',
      search: false,
      render: (_, r) => (
        <div className="nowrap">
          <div>{orDash(r.actorName)}</div>
          {r.actorUsername && (
            <div className="muted mono" style={{ fontSize: 12 }}>
              {r.actorUsername}
            </div>
          )}
        </div>
      ),
    },
    { title: '组织', dataIndex: 'orgName', fieldProps: { placeholder: '组织名称（包含）' }, render: (_, r) => orDash(r.orgName) },
    { title: '操作', dataIndex: 'action', valueType: 'select', valueEnum: actionEnum, fieldProps: { showSearch: true }, render: (_, r) => actionLabel(r.action) },
    {
      title: '对象',
      dataIndex: 'objectId',
      search: false,
      ellipsis: true,
      render: (_, r) => (r.objectType ? `${r.objectType}${r.objectId ? ` / ${r.objectId}` : ''}` : '—'),
    },
    {
      title: '结果',
      dataIndex: 'result',
      search: false,
      width: 80,
      render: (_, r) => <Tag color={r.result === 'success' ? 'success' : 'error'}>{r.result === 'success' ? '成功' : '失败'}</Tag>,
    },
    { title: '来源IP', dataIndex: 'ip', search: false, width: 130, render: (_, r) => orDash(r.ip) },
  ];

  return (
    <PageContainer title="审计日志" breadcrumb={{ items: [{ title: '审计日志' }] }} content="审计记录只能查阅，任何人都不能修改或删除；记录之间以 HMAC 串联，可随时校验是否被篡改。">
      <AuditVerifyResult verify={verify} />
      <ProTable<AuditRow>
        rowKey="seq"
        columns={columns}
        size="middle"
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        options={{ reload: true, density: false, setting: false }}
        headerTitle="审计记录"
        toolBarRender={() => [<AuditVerifyButton key="verify" verify={verify} />]}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 条记录` }}
        locale={{ emptyText: <Empty description="没有符合条件的审计记录" /> }}
        expandable={{
          rowExpandable: (r) => r.before != null || r.after != null,
          expandedRowRender: (r) => (
            <div className="json-compare">
              <JsonBlock title="修改前" value={r.before} />
              <JsonBlock title="修改后" value={r.after} />
            </div>
          ),
        }}
        request={async ({ current = 1, pageSize = 20, actor, action, from, to, orgName }) => {
          const page = await auditApi.search({ page: current, pageSize, actor: actor || undefined, orgName: orgName || undefined, action, from, to });
          return { data: page.items, total: page.total, success: true };
        }}
        onRequestError={(e) => message.error(errorMessage(e))}
      />
    </PageContainer>
  );
}
