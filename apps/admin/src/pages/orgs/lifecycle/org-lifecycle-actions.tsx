import { Alert, Button, Dropdown, Space, Tooltip } from 'antd';
import { DownOutlined, EditOutlined, NodeIndexOutlined, SwapOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { isBaseUnionKind, orgChangeKindLabels, orgRevokeReasonLabels, orgRevokeReasons, type OrgDetail, type OrgRevokeReason } from '@gonghui/contracts';
import { orgLifecycleApi } from '../../../api/org-lifecycle';
import { usePermission } from '../../../hooks/use-session';
import { OrgAffiliationModal } from './org-affiliation-modal';
import { OrgModifyDrawer } from './org-modify-drawer';
import { OrgRevokeModal } from './org-revoke-modal';
import { OrgTransferModal } from './org-transfer-modal';

const lifecycleKey = (id: string) => ['org-lifecycle', id];

/** The change under review (with its review) or why the union was revoked, above the tabs. */
export function OrgLifecycleNotice({ org }: { org: OrgDetail }) {
  const q = useQuery({ queryKey: lifecycleKey(org.id), queryFn: () => orgLifecycleApi.lifecycle(org.id), enabled: isBaseUnionKind(org.kind) });
  const l = q.data;
  if (!l) return null;
  if (l.revoked)
    return (
      <Alert
        type="warning"
        showIcon
        style={{ margin: '8px 0' }}
        message={`已于 ${l.revoked.on} 撤销（${orgRevokeReasonLabels[l.revoked.reason]}）`}
        description={l.revoked.note ?? undefined}
      />
    );
  if (!l.pending) return null;
  const p = l.pending;
  return (
    <Alert
      type="info"
      showIcon
      style={{ margin: '8px 0' }}
      message={`${orgChangeKindLabels[p.kind]}审核中${p.targetParentName && p.kind !== 'modification' ? `：转至「${p.targetParentName}」` : ''}`}
      description={`提交于 ${new Date(p.submittedAt).toLocaleString('zh-CN')}，正在等待 ${p.waitingFor.join('、') || '审核'}；审核通过前组织信息保持不变。`}
      action={p.reviewId ? <Link to={`/reviews/${p.reviewId}`}>查看审核</Link> : undefined}
    />
  );
}

/** 修改 / 转移 / 撤销 / 变更隶属 for a base or joint union (seed 002 §2, seed 000 §1.2). */
export function OrgLifecycleActions({ org, onChanged }: { org: OrgDetail; onChanged: () => void }) {
  const canWrite = usePermission('org.write');
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: lifecycleKey(org.id), queryFn: () => orgLifecycleApi.lifecycle(org.id), enabled: isBaseUnionKind(org.kind) });
  const [open, setOpen] = useState<'modify' | 'transfer' | 'affiliation' | null>(null);
  const [revokeReason, setRevokeReason] = useState<OrgRevokeReason | null>(null);
  if (!canWrite || org.status !== 'active' || !isBaseUnionKind(org.kind)) return null;
  const pending = q.data?.pending;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: lifecycleKey(org.id) });
    void queryClient.invalidateQueries({ queryKey: ['org', org.id] });
    onChanged();
  };
  const busy = pending ? `已有一项${orgChangeKindLabels[pending.kind]}在审核中` : undefined;
  const close = (o: boolean) => !o && setOpen(null);

  return (
    <>
      <Tooltip title={busy}>
        <Space.Compact>
          <Button icon={<EditOutlined />} disabled={!!pending} onClick={() => setOpen('modify')}>
            修改
          </Button>
          <Button icon={<SwapOutlined />} disabled={!!pending} onClick={() => setOpen('transfer')}>
            转移
          </Button>
          <Button icon={<NodeIndexOutlined />} disabled={!!pending} onClick={() => setOpen('affiliation')}>
            变更隶属
          </Button>
          <Dropdown
            disabled={!!pending}
            menu={{ items: orgRevokeReasons.map((r) => ({ key: r, label: orgRevokeReasonLabels[r], danger: true })), onClick: ({ key }) => setRevokeReason(key as OrgRevokeReason) }}
          >
            <Button danger disabled={!!pending}>
              撤销 <DownOutlined />
            </Button>
          </Dropdown>
        </Space.Compact>
      </Tooltip>
      {open === 'modify' && <OrgModifyDrawer org={org} open onOpenChange={close} onSubmitted={refresh} />}
      {open === 'transfer' && <OrgTransferModal org={org} open onOpenChange={close} blockedReason={q.data?.transferBlockedReason ?? null} onSubmitted={refresh} />}
      {open === 'affiliation' && <OrgAffiliationModal org={org} open onOpenChange={close} onSubmitted={refresh} />}
      {revokeReason && <OrgRevokeModal org={org} reason={revokeReason} onClose={() => setRevokeReason(null)} onDone={refresh} />}
    </>
  );
}
