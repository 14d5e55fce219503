import { isBaseUnionKind, type OrgChange, type OrgRevokeBody } from '@gonghui/contracts';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { ScopedCaller } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, fieldError } from '../../platform/errors.js';
import * as changes from './org-changes.repository.js';
import { assertNoPendingChange, toChangeDto } from './org-lifecycle.shared.js';
import { revokeSubtree } from './org-tree.repository.js';
import { getOrgInScope } from './organisations.service.js';

/**
 * Revokes a base union as merged, moved out of the city or closed (seed 002 §2: 无需审核). Nothing
 * is deleted: the union and its sub-unions keep their rows and history with status `revoked`,
 * and the reason and date are kept as a change of kind `revoke`.
 */
export async function revokeOrg(deps: Deps, caller: ScopedCaller, actor: Actor, orgId: string, body: OrgRevokeBody): Promise<OrgChange> {
  const row = await deps.db.transaction(async (tx) => {
    const org = await getOrgInScope(tx, caller, orgId);
    if (org.status !== 'active') throw new AppError('ORG_REVOKED', undefined, '该组织已撤销');
    if (!isBaseUnionKind(org.kind)) throw new AppError('BAD_REQUEST', undefined, '只有基层工会和联合工会可以撤销');
    if (org.version !== body.version) throw new AppError('CONFLICT');
    if (org.foundedOn && body.on < org.foundedOn) throw fieldError('on', '撤销日期不能早于建会日期');
    await assertNoPendingChange(tx, org.id);
    const now = deps.now();
    const revoked = await revokeSubtree(tx, org.path, now);
    const change = await changes.insertChange(tx, { kind: 'revoke', orgId: org.id, payload: body, status: 'done', submittedBy: caller.accountId, submittedAt: now, decidedAt: now });
    await recordAudit(tx, deps.config.keys.auditKey, actor, {
      action: 'org.revoked',
      objectType: 'org',
      objectId: org.id,
      orgId: org.id,
      before: { status: org.status },
      after: { status: 'revoked', reason: body.reason, on: body.on, note: body.note, organisationsRevoked: revoked.length, changeId: change.id },
    });
    return change;
  });
  return toChangeDto(deps, row);
}
