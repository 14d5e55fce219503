import { allowedChildKinds, type OrgKind } from '@gonghui/contracts';
import type { DbOrTx, Tx } from '../../db/client.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { countTransferringMembers } from '../members/index.js';
import { districtIdOf, lockOrgs, moveSubtree } from './org-tree.repository.js';
import * as repo from './organisations.repository.js';

/** The parent an organisation may move under: active, of a kind that may hold it, not itself or below it. */
export async function checkMoveTarget(db: DbOrTx, org: repo.OrgRow, targetParentId: string): Promise<repo.OrgRow> {
  const target = await repo.findOrg(db, targetParentId);
  if (!target || target.status !== 'active') throw fieldError('targetParentId', '请选择有效的上级工会');
  if (target.id === org.parentId) throw new AppError('ORG_MOVE_NOT_ALLOWED', [{ path: 'targetParentId', message: '已隶属于该工会' }], '该工会已隶属于所选工会');
  if (target.path.startsWith(org.path)) throw new AppError('ORG_MOVE_NOT_ALLOWED', [{ path: 'targetParentId', message: '不能转到本组织或其下级之下' }], '不能转到本组织或其下级之下');
  if (!allowedChildKinds[target.kind as OrgKind].includes(org.kind as OrgKind))
    throw new AppError('ORG_MOVE_NOT_ALLOWED', [{ path: 'targetParentId', message: '基层工会只能隶属于区(县)总工会、产业工会或街镇工会' }], '基层工会只能隶属于区(县)总工会、产业工会或街镇工会');
  if (await repo.siblingNameExists(db, target.id, org.name)) throw new AppError('ORG_NAME_TAKEN', [{ path: 'targetParentId', message: '目标工会下已有同名工会' }]);
  return target;
}

/** Whether the two lie in the same district federation or industry union (seed 000 §1.2: 本区县内). */
export const sameDistrict = (a: { path: string }, b: { path: string }) => districtIdOf(a.path) === districtIdOf(b.path);

/**
 * Why the union cannot move now, or null (seed 002 §2: 如单位有在办卡人员或者带转出审核人员禁止转移).
 * Card processing cannot hold it yet: the service-card module does not exist; it joins here when it does.
 */
export async function moveHold(db: DbOrTx, org: { path: string }): Promise<string | null> {
  const n = await countTransferringMembers(db, org.path);
  return n > 0 ? `本工会有${n}名会员正在等待转出审核，审核结束后才能转移` : null;
}

export async function assertNoMoveHold(db: DbOrTx, org: { path: string }): Promise<void> {
  const reason = await moveHold(db, org);
  if (reason) throw new AppError('ORG_TRANSFER_BLOCKED', [{ path: 'targetParentId', message: reason }], reason);
}

/** Moves the organisation with its whole subtree under the target, audited, in the caller's transaction. */
export async function moveOrg(tx: Tx, deps: Deps, actor: Actor, orgId: string, targetParentId: string, why: { changeId: string; kind: string }): Promise<void> {
  await lockOrgs(tx, [orgId, targetParentId]);
  // Read again under the lock: the tree may have changed since the change was submitted.
  const org = (await repo.findOrg(tx, orgId))!;
  if (org.status !== 'active') throw new AppError('ORG_REVOKED');
  const target = await checkMoveTarget(tx, org, targetParentId);
  const moved = await moveSubtree(tx, org, target, deps.now());
  await recordAudit(tx, deps.config.keys.auditKey, actor, {
    action: 'org.moved',
    objectType: 'org',
    objectId: org.id,
    orgId: org.id,
    before: { parentId: org.parentId },
    after: { parentId: target.id, parentName: target.name, organisationsMoved: moved, ...why },
  });
}
