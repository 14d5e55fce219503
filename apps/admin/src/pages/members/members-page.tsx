import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Empty, Space, Tooltip } from 'antd';
import { DownloadOutlined, FileExcelOutlined, ImportOutlined, NumberOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { idTypeLabels, isBaseUnionKind, membershipStatusLabels, membershipStatuses, sexLabels, type MemberDetail } from '@gonghui/contracts';
import { errorMessage } from '../../api/client';
import { memberKey, membersApi, type MemberRow, type MemberSearchQuery } from '../../api/members';
import { MembershipStatusTag } from '../../components/membership-status-tag';
import { usePermission, useSession } from '../../hooks/use-session';
import { formatDate, orDash } from '../../utils/format';
import { OrgCodeImportModal } from '../member-imports/org-code-import-modal';
import { UploadImportModal, type UploadKind } from '../member-imports/upload-import-modal';
import { MemberCreateDrawer } from './member-create-drawer';
import { MemberDetailDrawer } from './member-detail-drawer';
import { MemberEditDrawer } from './member-edit-drawer';
import { MemberStatusModal } from './member-status-modal';
import { canChangeTo, canTransfer, statusActionLabels, type OperatorStatus } from './member-utils';
import { TransferInModal } from './transfer-in-modal';
import { TransferOutModal } from './transfer-out-modal';

const statusEnum = Object.fromEntries(membershipStatuses.map((s) => [s, { text: membershipStatusLabels[s] }]));

/** ProTable's sort keys → the server's sort fields. */
const sortFields: Record<string, MemberSearchQuery['sort']> = { memberNo: 'memberNo', name: 'name', joinedOn: 'joinedOn' };

/** Only a base or joint union takes members (seed 002: 基层工会登录管理端，选择会员管理菜单). */

type Opened<T> = (T & { key: number }) | null;

/** 会员管理 → 会员信息: members of the union and the unions below it, paged and sorted on the server. */
export function MembersPage() {
  const session = useSession();
  const canWrite = usePermission('member.write');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const actionRef = useRef<ActionType>(null);
  const post = session.activePost;
  const ownUnionOnly = !!post && isBaseUnionKind(post.orgKind);
  const canCreate = canWrite && ownUnionOnly;
  const showOrg = !ownUnionOnly;

  const [createOpen, setCreateOpen] = useState(false);
  const [createKey, setCreateKey] = useState(0);
  const [detailId, setDetailId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Opened<{ member: MemberDetail }>>(null);
  const [editOpen, setEditOpen] = useState(false);
  const [changing, setChanging] = useState<Opened<{ member: MemberDetail; to: OperatorStatus }>>(null);
  const [statusOpen, setStatusOpen] = useState(false);
  const [loadingRow, setLoadingRow] = useState<string | null>(null);
  // The import modals are mounted afresh for every opening (key), like the create drawer.
  const [importing, setImporting] = useState<Opened<{ kind: UploadKind | 'org_code' }>>(null);
  const [importOpen, setImportOpen] = useState(false);
  const openImport = (kind: UploadKind | 'org_code') => {
    setImporting({ kind, key: Date.now() });
    setImportOpen(true);
  };
  const [transferInKey, setTransferInKey] = useState<number | null>(null);
  const [transferInOpen, setTransferInOpen] = useState(false);
  const [movingOut, setMovingOut] = useState<Opened<{ member: MemberDetail }>>(null);
  const [transferOutOpen, setTransferOutOpen] = useState(false);
  const openTransferOut = (member: MemberDetail) => {
    setMovingOut({ member, key: Date.now() });
    setTransferOutOpen(true);
  };
  /** A transfer moved a member to 转会中 (or will, once reviewed): the list and the review badge change. */
  const transferred = () => {
    actionRef.current?.reload();
    void queryClient.invalidateQueries({ queryKey: ['member'] });
    void queryClient.invalidateQueries({ queryKey: ['review-counts'] });
  };

  /** Edits and status changes need the member's version: fetch the detail first. */
  const withDetail = async (id: string, then: (member: MemberDetail) => void) => {
    setLoadingRow(id);
    try {
      then(await queryClient.fetchQuery({ queryKey: memberKey(id), queryFn: () => membersApi.get(id), staleTime: 0 }));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setLoadingRow(null);
    }
  };
  const openEdit = (member: MemberDetail) => {
    setEditing({ member, key: Date.now() });
    setEditOpen(true);
  };
  const openStatus = (member: MemberDetail, to: OperatorStatus) => {
    setChanging({ member, to, key: Date.now() });
    setStatusOpen(true);
  };
  const saved = (member: MemberDetail) => {
    queryClient.setQueryData(memberKey(member.id), member);
    actionRef.current?.reload();
  };

  const statusLink = (m: MemberRow, to: OperatorStatus) => {
    const allowed = canChangeTo(m.status, to);
    const link = (
      <Button type="link" size="small" danger={to === 'transferred_out' && allowed} disabled={!allowed || loadingRow === m.id} onClick={() => void withDetail(m.id, (d) => openStatus(d, to))}>
        {statusActionLabels[to]}
      </Button>
    );
    return allowed ? (
      link
    ) : (
      <Tooltip title={`会籍状态为“${membershipStatusLabels[m.status]}”的会员不能${statusActionLabels[to]}`}>
        <span>{link}</span>
      </Tooltip>
    );
  };

  const transferLink = (m: MemberRow) => {
    const allowed = canTransfer(m.status);
    const link = (
      <Button type="link" size="small" disabled={!allowed || loadingRow === m.id} onClick={() => void withDetail(m.id, openTransferOut)} data-testid="member-transfer-out">
        转会
      </Button>
    );
    return allowed ? (
      <Tooltip title="转出到其他工会（需审核）">{link}</Tooltip>
    ) : (
      <Tooltip title={`会籍状态为“${membershipStatusLabels[m.status]}”的会员不能转会`}>
        <span>{link}</span>
      </Tooltip>
    );
  };

  // The search form takes its fields from the columns, ordered by `order` (姓名 first, as in seed 002).
  const columns: ProColumns<MemberRow>[] = [
    {
      title: '会员编号',
      dataIndex: 'memberNo',
      order: 4,
      fieldProps: { placeholder: '10位会员编号', maxLength: 20 },
      sorter: true,
      defaultSortOrder: 'ascend',
      sortDirections: ['ascend', 'descend', 'ascend'],
      fixed: 'left',
      width: 108,
      render: (_, m) => <span className="mono">{m.memberNo}</span>,
    },
    {
      title: '姓名',
      dataIndex: 'name',
      order: 5,
      fieldProps: { placeholder: '姓名或姓名开头的字' },
      sorter: true,
      fixed: 'left',
      width: 84,
      render: (_, m) => <span className="nowrap">{m.name}</span>,
    },
    { title: '性别', dataIndex: 'sex', search: false, width: 52, render: (_, m) => sexLabels[m.sex] ?? m.sex },
    { title: '证件类型', dataIndex: 'idType', search: false, width: 92, ellipsis: true, render: (_, m) => idTypeLabels[m.idType] ?? m.idType },
    { title: '证件号码', dataIndex: 'idNumber', hideInTable: true, order: 3, fieldProps: { placeholder: '完整证件号码', maxLength: 64 } },
    { title: '证件号码', dataIndex: 'idNumberMasked', search: false, width: 172, render: (_, m) => <span className="mono">{m.idNumberMasked}</span> },
    { title: '联系地址', dataIndex: 'address', search: false, ellipsis: true, render: (_, m) => orDash(m.address) },
    { title: '手机号', dataIndex: 'phone', hideInTable: true, order: 2, fieldProps: { placeholder: '完整11位手机号', maxLength: 20 } },
    { title: '移动电话', dataIndex: 'phoneMasked', search: false, width: 112, render: (_, m) => <span className="mono">{orDash(m.phoneMasked)}</span> },
    // A base union's members are all its own: the column speaks only to the unions above.
    ...(showOrg ? [{ title: '所属工会', dataIndex: 'orgName', search: false, ellipsis: true, render: (_: unknown, m: MemberRow) => m.orgName } as ProColumns<MemberRow>] : []),
    { title: '所在单位', dataIndex: 'workUnitName', search: false, ellipsis: true, render: (_, m) => orDash(m.workUnitName) },
    {
      title: '会籍状态',
      dataIndex: 'status',
      order: 1,
      valueType: 'select',
      valueEnum: statusEnum,
      fieldProps: { placeholder: '全部状态' },
      fixed: 'right',
      width: 80,
      render: (_, m) => <MembershipStatusTag status={m.status} />,
    },
    { title: '入会日期', dataIndex: 'joinedOn', search: false, sorter: true, fixed: 'right', width: 104, render: (_, m) => <span className="nowrap">{formatDate(m.joinedOn)}</span> },
    {
      title: '操作',
      key: 'op',
      search: false,
      fixed: 'right',
      width: canWrite ? (ownUnionOnly ? 200 : 164) : 64,
      render: (_, m) => (
        <Space size={0} className="row-actions">
          <Button type="link" size="small" onClick={() => setDetailId(m.id)}>
            详情
          </Button>
          {canWrite && (
            <>
              <Button type="link" size="small" disabled={loadingRow === m.id} onClick={() => void withDetail(m.id, openEdit)}>
                编辑
              </Button>
              {ownUnionOnly && transferLink(m)}
              {statusLink(m, 'transferred_out')}
              {statusLink(m, 'retained')}
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title="会员信息"
      breadcrumb={{ items: [{ title: '会员管理' }, { title: '会员信息' }] }}
      content={`${ownUnionOnly && post ? `${post.orgName}的会员` : '本工会及下级工会的会员'}。证件号码和手机号脱敏显示，按完整号码精确查询；查看完整号码须说明原因，并记入审计日志。`}
    >
      <div data-testid="member-table">
      <ProTable<MemberRow>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        size="middle"
        headerTitle="会员列表"
        scroll={{ x: showOrg ? 1360 : 1120 }}
        search={{ labelWidth: 'auto', defaultCollapsed: false, span: 8 }}
        options={{ reload: true, density: false, setting: false }}
        toolBarRender={() =>
          canCreate
            ? [
                // A plain link: the browser downloads the workbook with the session cookie.
                <Button key="template" icon={<DownloadOutlined />} href={`/api/orgs/${post.orgId}/members/template`}>
                  下载采集表
                </Button>,
                <Button key="import" icon={<FileExcelOutlined />} onClick={() => openImport('template')}>
                  模板导入会员
                </Button>,
                <Button key="import-org-code" icon={<NumberOutlined />} onClick={() => openImport('org_code')}>
                  组织机构代码导入会员
                </Button>,
                <Button key="transfer-import" icon={<ImportOutlined />} onClick={() => openImport('transfer_in')} data-testid="member-transfer-import">
                  批量转入
                </Button>,
                <Button
                  key="transfer-in"
                  icon={<SwapOutlined />}
                  onClick={() => {
                    setTransferInKey(Date.now());
                    setTransferInOpen(true);
                  }}
                  data-testid="member-transfer-in"
                >
                  转入会员
                </Button>,
                <Button
                  key="create"
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => {
                    setCreateKey((k) => k + 1);
                    setCreateOpen(true);
                  }}
                >
                  新增会员
                </Button>,
              ]
            : []
        }
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t, [from, to]) => `第 ${from}–${to} 条，共 ${t} 名会员` }}
        locale={{ emptyText: <Empty description="没有符合条件的会员" /> }}
        request={async ({ current = 1, pageSize = 20, name, memberNo, idNumber, phone, status }, sort) => {
          const [sortKey, order] = Object.entries(sort ?? {}).find(([, v]) => !!v) ?? [];
          const page = await membersApi.search({
            page: current,
            pageSize,
            name: name?.trim() || undefined,
            memberNo: memberNo?.trim() || undefined,
            idNumber: idNumber?.trim() || undefined,
            phone: phone?.trim() || undefined,
            status: status || undefined,
            sort: sortKey ? sortFields[sortKey] : undefined,
            order: order === 'descend' ? 'desc' : order === 'ascend' ? 'asc' : undefined,
          });
          return { data: page.items, total: page.total, success: true };
        }}
        onRequestError={(e) => message.error(errorMessage(e))}
      />
      </div>

      <MemberDetailDrawer
        memberId={detailId}
        onClose={() => setDetailId(null)}
        onEdit={openEdit}
        onChangeStatus={openStatus}
      />
      {canCreate && post && (
        <MemberCreateDrawer
          key={`create-${createKey}`}
          orgId={post.orgId}
          orgName={post.orgName}
          open={createOpen}
          onOpenChange={setCreateOpen}
          onCreated={(m) => {
            queryClient.setQueryData(memberKey(m.id), m);
            actionRef.current?.reload();
          }}
        />
      )}
      {canCreate && post && (importing?.kind === 'template' || importing?.kind === 'transfer_in') && (
        <UploadImportModal key={`import-${importing.key}`} kind={importing.kind} orgId={post.orgId} orgName={post.orgName} open={importOpen} onOpenChange={setImportOpen} />
      )}
      {canCreate && post && transferInKey !== null && (
        <TransferInModal key={`transfer-in-${transferInKey}`} orgId={post.orgId} orgName={post.orgName} open={transferInOpen} onOpenChange={setTransferInOpen} onSubmitted={transferred} />
      )}
      {movingOut && (
        <TransferOutModal key={`transfer-out-${movingOut.key}`} member={movingOut.member} open={transferOutOpen} onOpenChange={setTransferOutOpen} onSubmitted={transferred} />
      )}
      {canCreate && post && importing?.kind === 'org_code' && (
        <OrgCodeImportModal key={`import-${importing.key}`} orgId={post.orgId} orgName={post.orgName} open={importOpen} onOpenChange={setImportOpen} />
      )}
      {editing && (
        <MemberEditDrawer key={`edit-${editing.key}`} member={editing.member} open={editOpen} onOpenChange={setEditOpen} onSaved={saved} />
      )}
      {changing && (
        <MemberStatusModal
          key={`status-${changing.key}`}
          member={changing.member}
          to={changing.to}
          open={statusOpen}
          onOpenChange={setStatusOpen}
          onChanged={saved}
        />
      )}
    </PageContainer>
  );
}
