import { isBaseUnionKind, orgTransferModeLabels, type OrgChange, type OrgTransferBody } from '@gonghui/contracts';
import type { Tx } from '../../db/client.js';
import type { Actor } from '../../platform/audit/audit.js';
import type { ScopedCaller } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { openReview, reviewerOf, type SubjectHandler } from '../reviews/index.js';
import * as changes from './org-changes.repository.js';
import { assertNoPendingChange, changeOfReview, toChangeDto } from './org-lifecycle.shared.js';
import { assertNoMoveHold, checkMoveTarget, moveOrg, sameDistrict } from './org-move.js';
import { districtIdOf } from './org-tree.repository.js';
import * as repo from './organisations.repository.js';
import { getOrgInScope } from './organisations.service.js';

const notAllowed = (message: string) => new AppError('ORG_MOVE_NOT_ALLOWED', [{ path: 'targetParentId', message }], message);

/**
 * A base union asks to move to a street or industry union in another district or industry
 * (seed 002 §2): both sides' upper unions review it side by side; refused while members await
 * transfer-out review.
 */
export async function submitTransfer(deps: Deps, caller: ScopedCaller, actor: Actor, orgId: string, body: OrgTransferBody): Promise<OrgChange> {
  const row = await deps.db.transaction(async (tx) => {
    const org = await getOrgInScope(tx, caller, orgId);
    if (org.status !== 'active') throw new AppError('ORG_REVOKED');
    if (!isBaseUnionKind(org.kind)) throw notAllowed('只有基层工会和联合工会可以转移');
    const target = await checkMoveTarget(tx, org, body.targetParentId);
    if (sameDistrict(org, target)) throw notAllowed('同一区(县)或产业内调整隶属关系不是转移，请由区(县)总工会办理“变更隶属”');
    const from = (await repo.findOrg(tx, districtIdOf(org.path)!))!;
    const to = (await repo.findOrg(tx, districtIdOf(target.path)!))!;
    const crossKind = from.kind !== to.kind;
    if (crossKind !== (body.mode === 'cross_kind'))
      throw notAllowed(crossKind ? '区与产业局之间的转移请选择“区局（局区）转移”' : '区到区、局到局的转移请选择“区区（局局）转移”');
    await assertNoMoveHold(tx, org);
    await assertNoPendingChange(tx, org.id);
    const parent = org.parentId ? await repo.findOrg(tx, org.parentId) : undefined;
    const change = await changes.insertChange(tx, { kind: 'transfer', orgId: org.id, targetParentId: target.id, payload: body, status: 'pending', submittedBy: caller.accountId, submittedAt: deps.now() });
    await openReview(tx, deps, actor, reviewerOf(caller), {
      subjectType: 'org_transfer',
      subjectId: change.id,
      submitterOrgId: org.id,
      submittedBy: caller.accountId,
      title: `${org.name}（组织转移）`,
      changes: [
        { label: '转移方式', before: null, after: orgTransferModeLabels[body.mode] },
        { label: '工会所属区总工会（产业工会）', before: from.name, after: to.name },
        { label: '工会所属街镇（开发区）工会', before: parent?.name ?? null, after: target.name },
        ...(body.note ? [{ label: '转移说明', before: null, after: body.note }] : []),
      ],
      payload: body,
      // Same stage: the releasing and the receiving side review at once; both must agree.
      plan: [
        { stage: 1, label: '转出方上级工会审核', reviewer: { org: from.id } },
        { stage: 1, label: '转入方上级工会审核', reviewer: { org: to.id } },
      ],
    });
    return change;
  });
  return toChangeDto(deps, row);
}

const close = (status: 'returned' | 'withdrawn') => async ({ tx, deps, review }: { tx: Tx; deps: Deps; review: { subjectId: string } }) =>
  void (await changes.setChangeStatus(tx, review.subjectId, 'pending', { status, decidedAt: deps.now() }));

/** Both approvals in: the union and its subtree move under the target, unless members now await transfer-out review. */
export const transferSubject: SubjectHandler = {
  // The review mechanism calls this only once every step of the stage approved.
  async approved({ tx, deps, actor, review }) {
    const change = await changeOfReview(tx, review.subjectId);
    const org = (await repo.findOrg(tx, change.orgId!))!;
    await assertNoMoveHold(tx, org);
    await moveOrg(tx, deps, actor, org.id, change.targetParentId!, { changeId: change.id, kind: 'transfer' });
    await changes.setChangeStatus(tx, change.id, 'pending', { status: 'approved', decidedAt: deps.now() });
  },
  returned: close('returned'),
  withdrawn: close('withdrawn'),
  async resubmitted({ tx, review }) {
    // The two reviewing sides follow from the target; a different target is a new transfer.
    const change = await changeOfReview(tx, review.subjectId);
    const org = (await repo.findOrg(tx, change.orgId!))!;
    if (org.status !== 'active') throw new AppError('ORG_REVOKED');
    await checkMoveTarget(tx, org, change.targetParentId!);
    await assertNoMoveHold(tx, org);
    await assertNoPendingChange(tx, org.id);
    await changes.setChangeStatus(tx, change.id, 'returned', { status: 'pending', decidedAt: null });
    return {};
  },
};
