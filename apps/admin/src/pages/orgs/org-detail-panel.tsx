import { Breadcrumb, Button, Card, Empty, Result, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { allowedChildKinds, isBaseUnionKind, orgKindLabels, workUnitHostKinds, type OrgDetail } from '@gonghui/contracts';
import { ApiError } from '../../api/client';
import { orgsApi } from '../../api/orgs';
import { OrgKindIcon } from '../../components/org-kind-icon';
import { OrgStatusTag } from '../../components/org-status-tag';
import { UsccWarningTag } from '../../components/uscc-warning-tag';
import { usePermission, useSession } from '../../hooks/use-session';
import { ActivationCodesTab } from './activation-codes-tab';
import { OrgLifecycleActions, OrgLifecycleNotice } from './lifecycle/org-lifecycle-actions';
import { OrgBasicInfo } from './org-basic-info';
import { OrgCreateDrawer } from './org-create-drawer';
import { OrgEditDrawer } from './org-edit-drawer';
import { OrgPostsTab } from './org-posts-tab';
import { WorkUnitsTab } from './work-units-tab';

interface Props {
  orgId: string;
  onNavigate: (id: string) => void;
  /** Called whenever the detail (and so its breadcrumb) arrives. */
  onLoaded: (org: OrgDetail) => void;
  /** Called after a save or a new child, so the tree can reload the changed level. */
  onChanged: (org: OrgDetail, parentId: string | null) => void;
}

/** The right-hand side of 组织架构: breadcrumb, header with actions, and the tabs. */
export function OrgDetailPanel({ orgId, onNavigate, onLoaded, onChanged }: Props) {
  const canWrite = usePermission('org.write');
  const canIssueCodes = usePermission('activationCode.manage');
  const session = useSession();
  const queryClient = useQueryClient();
  const [editKey, setEditKey] = useState(0);
  const [editOpen, setEditOpen] = useState(false);
  const [createKey, setCreateKey] = useState(0);
  const [createOpen, setCreateOpen] = useState(false);
  const detail = useQuery({ queryKey: ['org', orgId], queryFn: () => orgsApi.get(orgId) });
  const loaded = detail.data;
  useEffect(() => {
    if (loaded) onLoaded(loaded);
    // Only when the data changes; onLoaded is a fresh closure on every parent render.
  }, [loaded]);

  if (detail.isLoading) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  if (detail.error || !detail.data) {
    const notFound = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <Card>
        <Result
          status={notFound ? '404' : 'error'}
          title={notFound ? '组织不存在或不在您的管辖范围内' : '加载失败'}
          subTitle={notFound ? undefined : (detail.error as Error | null)?.message}
          extra={<Button onClick={() => detail.refetch()}>重试</Button>}
        />
      </Card>
    );
  }

  const org = detail.data;
  const active = org.status === 'active';
  const canCreateChild = canWrite && active && allowedChildKinds[org.kind].length > 0;
  const hostsUnits = workUnitHostKinds.includes(org.kind);
  // A base union changes its own data through 修改 (reviewed by its upper union), not a direct edit.
  const ownBaseUnion = session.activePost?.orgId === org.id && isBaseUnionKind(org.kind);

  const tabs = [
    { key: 'basic', label: '基本信息', children: <OrgBasicInfo org={org} /> },
    ...(hostsUnits ? [{ key: 'units', label: `单位信息（${org.workUnitCount}）`, children: <WorkUnitsTab org={org} /> }] : []),
    { key: 'posts', label: '岗位与账号', children: <OrgPostsTab orgId={org.id} /> },
    ...(canIssueCodes ? [{ key: 'codes', label: '岗位激活码', children: <ActivationCodesTab org={org} /> }] : []),
  ];

  return (
    <Card className="org-detail">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={org.breadcrumb.map((b) => ({
          key: b.id,
          title:
            b.id === org.id ? (
              b.name
            ) : (
              <a
                href="#"
                onClick={(e) => {
                  e.preventDefault();
                  onNavigate(b.id);
                }}
              >
                {b.name}
              </a>
            ),
        }))}
      />
      <div className="org-detail-header">
        <Space size={10} wrap>
          <span className="org-detail-icon">
            <OrgKindIcon kind={org.kind} muted={!active} />
          </span>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {org.name}
          </Typography.Title>
          <Tag color="red">{orgKindLabels[org.kind]}</Tag>
          <OrgStatusTag status={org.status} />
          {org.usccCheckFailed && <UsccWarningTag />}
        </Space>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void queryClient.invalidateQueries({ queryKey: ['org', org.id] })}>
            刷新
          </Button>
          <OrgLifecycleActions org={org} onChanged={() => onChanged(org, org.parentId)} />
          {canWrite && active && !ownBaseUnion && (
            <Button
              icon={<EditOutlined />}
              onClick={() => {
                setEditKey((k) => k + 1);
                setEditOpen(true);
              }}
            >
              编辑
            </Button>
          )}
          {canCreateChild && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setCreateKey((k) => k + 1);
                setCreateOpen(true);
              }}
            >
              新建下级组织
            </Button>
          )}
        </Space>
      </div>
      <OrgLifecycleNotice org={org} />
      {!active && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该组织已撤销，仅供查阅，不能再修改" style={{ margin: '8px 0' }} />}
      <Tabs items={tabs} destroyOnHidden />

      <OrgEditDrawer
        key={`edit-${editKey}`}
        org={org}
        open={editOpen}
        onOpenChange={setEditOpen}
        onSaved={(saved) => {
          queryClient.setQueryData(['org', saved.id], saved);
          onChanged(saved, saved.parentId);
        }}
      />
      {canCreateChild && (
        <OrgCreateDrawer
          key={`create-${createKey}`}
          parent={org}
          open={createOpen}
          onOpenChange={setCreateOpen}
          onCreated={(created) => {
            void queryClient.invalidateQueries({ queryKey: ['org', org.id] });
            onChanged(org, org.parentId);
            onNavigate(created.id);
          }}
        />
      )}
    </Card>
  );
}
