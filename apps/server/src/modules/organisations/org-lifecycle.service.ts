import type { OrgLifecycle, OrgRevokeReason, ParentDirectoryRow, OrgKind } from '@gonghui/contracts';
import type { ScopedCaller } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import * as changes from './org-changes.repository.js';
import { toChangeDto } from './org-lifecycle.shared.js';
import { moveHold } from './org-move.js';
import { listParentDirectory } from './org-tree.repository.js';
import { getOrgInScope } from './organisations.service.js';

/** An organisation's change under review, why it was revoked, whether it may transfer now, and its past changes. */
export async function getLifecycle(deps: Deps, caller: ScopedCaller, orgId: string): Promise<OrgLifecycle> {
  const org = await getOrgInScope(deps.db, caller, orgId);
  const rows = await changes.listChangesOfOrg(deps.db, org.id);
  const history = await Promise.all(rows.map((r) => toChangeDto(deps, r)));
  const revoke = org.status === 'revoked' ? await changes.latestRevoke(deps.db, org.id) : undefined;
  const p = revoke?.payload as { reason: OrgRevokeReason; on: string; note: string | null } | undefined;
  return {
    pending: history.find((h) => h.status === 'pending') ?? null,
    revoked: p ? { reason: p.reason, on: p.on, note: p.note ?? null } : null,
    transferBlockedReason: org.status === 'active' ? await moveHold(deps.db, org) : null,
    history,
  };
}

/** The upper unions a base union can be filed under or moved to, across the city. */
export async function parentDirectory(deps: Deps): Promise<ParentDirectoryRow[]> {
  return (await listParentDirectory(deps.db)).map((r) => ({ ...r, kind: r.kind as OrgKind }));
}
