import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { App, Empty, Space } from 'antd';
import { Link } from 'react-router-dom';
import { orgKindLabels, orgKinds, orgStatusLabels, type OrgKind } from '@gonghui/contracts';
import { errorMessage } from '../../api/client';
import { orgsApi, type OrgSearchRow } from '../../api/orgs';
import { OrgKindIcon } from '../../components/org-kind-icon';
import { OrgStatusTag } from '../../components/org-status-tag';
import { orDash } from '../../utils/format';

const kindEnum = Object.fromEntries(orgKinds.map((k) => [k, { text: orgKindLabels[k] }]));
const statusEnum = {
  active: { text: orgStatusLabels.active, status: 'Success' },
  revoked: { text: orgStatusLabels.revoked, status: 'Default' },
};

/** 组织查询: every organisation in the post's subtree, searched and paged on the server. */
export function OrgSearchPage() {
  const { message } = App.useApp();
  const columns: ProColumns<OrgSearchRow>[] = [
    {
      title: '名称/代码',
      dataIndex: 'q',
      hideInTable: true,
      fieldProps: { placeholder: '组织名称或组织机构代码' },
    },
    {
      title: '组织名称',
      dataIndex: 'name',
      search: false,
      render: (_, r) => (
        <Space size={6}>
          <OrgKindIcon kind={r.kind} muted={r.status === 'revoked'} />
          <Link to={`/orgs/${r.id}`} className={r.status === 'revoked' ? 'tree-node-revoked' : undefined}>
            {r.name}
          </Link>
        </Space>
      ),
    },
    { title: '组织类型', dataIndex: 'kind', valueType: 'select', valueEnum: kindEnum, render: (_, r) => orgKindLabels[r.kind as OrgKind] },
    { title: '组织机构代码', dataIndex: 'orgCode', search: false, render: (_, r) => <span className="mono">{r.orgCode}</span> },
    { title: '上级组织', dataIndex: 'parentName', search: false, render: (_, r) => orDash(r.parentName) },
    { title: '负责人', dataIndex: 'chairName', search: false, render: (_, r) => orDash(r.chairName) },
    { title: '联系电话', dataIndex: 'phone', search: false, render: (_, r) => orDash(r.phone) },
    { title: '下级数', dataIndex: 'childCount', search: false, align: 'right', width: 80 },
    { title: '状态', dataIndex: 'status', valueType: 'select', valueEnum: statusEnum, width: 90, render: (_, r) => <OrgStatusTag status={r.status} /> },
  ];

  return (
    <PageContainer title="组织查询" breadcrumb={{ items: [{ title: '组织管理' }, { title: '组织查询' }] }}>
      <ProTable<OrgSearchRow>
        rowKey="id"
        columns={columns}
        size="middle"
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        options={{ reload: true, density: false, setting: false }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 个组织` }}
        locale={{ emptyText: <Empty description="没有符合条件的组织" /> }}
        request={async ({ current = 1, pageSize = 20, q, kind, status }) => {
          const page = await orgsApi.search({ page: current, pageSize, q: q || undefined, kind, status });
          return { data: page.items, total: page.total, success: true };
        }}
        onRequestError={(e) => message.error(errorMessage(e))}
      />
    </PageContainer>
  );
}
