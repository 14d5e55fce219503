import { isBaseUnionKind } from '@gonghui/contracts';
import type { z } from 'zod';
import type { openInspectionBodySchema } from '@gonghui/contracts';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { ScopedCaller } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { isUniqueViolation } from '../../platform/pg-errors.js';
import { getOrgInScope } from '../organisations/index.js';
import * as repo from './inspections.repository.js';


function toRow(r: Awaited<ReturnType<typeof repo.listInspectionsFor>>[number], callerKind: string) {
  return {
    id: r.id,
    year: r.year,
    kind: r.kind as 'org' | 'member',
    deadline: r.deadline,
    createdAt: r.created_at.toISOString(),
    mine: { applicable: isBaseUnionKind(callerKind), confirmedAt: r.confirmed_at?.toISOString() ?? null, remindedAt: r.reminded_at?.toISOString() ?? null },
  };
}

/** The city federation opens a yearly organisation or member inspection with a deadline. */
export async function openInspection(deps: Deps, caller: ScopedCaller, actor: Actor, body: z.infer<typeof openInspectionBodySchema>) {
  if (caller.post.orgKind !== 'city_federation') throw new AppError('FORBIDDEN', undefined, '年检由市总工会统一开启');
  return deps.db.transaction(async (tx) => {
    if (await repo.findInspection(tx, caller.post.orgId, body.year, body.kind)) throw new AppError('INSPECTION_EXISTS');
    let row: repo.InspectionRow;
    try {
      row = await repo.insertInspection(tx, { ...body, openedBy: caller.accountId, rootOrgId: caller.post.orgId });
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('INSPECTION_EXISTS');
      throw e;
    }
    await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'inspection.opened', objectType: 'inspection', objectId: row.id, after: body });
    const [listed] = (await repo.listInspectionsFor(tx, caller.post.orgPath, caller.post.orgId)).filter((r) => r.id === row.id);
    return toRow(listed, caller.post.orgKind);
  });
}

/** Campaigns that concern the caller, with the caller's own confirmation state. */
export async function listInspections(deps: Deps, caller: ScopedCaller) {
  return (await repo.listInspectionsFor(deps.db, caller.post.orgPath, caller.post.orgId)).map((r) => toRow(r, caller.post.orgKind));
}

async function getVisible(deps: Deps, caller: ScopedCaller, id: string) {
  const i = await repo.findInspectionVisible(deps.db, id, caller.post.orgPath);
  if (!i) throw new AppError('NOT_FOUND');
  return i;
}

/** A base union confirms its data is current ("已完成更新"); confirming twice keeps the first time. */
export async function confirmInspection(deps: Deps, caller: ScopedCaller, actor: Actor, id: string) {
  const i = await getVisible(deps, caller, id);
  if (!isBaseUnionKind(caller.post.orgKind)) throw new AppError('INSPECTION_NOT_APPLICABLE');
  return deps.db.transaction(async (tx) => {
    const at = await repo.confirm(tx, i.id, caller.post.orgId, caller.accountId);
    await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'inspection.confirmed', objectType: 'inspection', objectId: i.id, after: { year: i.year, kind: i.kind, late: i.deadline < at.toISOString().slice(0, 10) } });
    const [listed] = (await repo.listInspectionsFor(tx, caller.post.orgPath, caller.post.orgId)).filter((r) => r.id === i.id);
    return toRow(listed, caller.post.orgKind);
  });
}

/** Per child organisation of `parentId` (default: the caller's own), who has confirmed and who has not. */
export async function inspectionProgress(deps: Deps, caller: ScopedCaller, id: string, parentId?: string) {
  const i = await getVisible(deps, caller, id);
  const parent = await getOrgInScope(deps.db, caller, parentId ?? caller.post.orgId);
  const rows = (await repo.progressByChild(deps.db, i.id, parent.id)).map((r) => ({
    orgId: r.org_id,
    orgName: r.org_name,
    kind: r.kind as never,
    baseUnions: r.base_unions,
    confirmed: r.confirmed,
    confirmedAt: r.confirmed_at ? new Date(r.confirmed_at).toISOString() : null,
    lastRemindedAt: r.last_reminded_at ? new Date(r.last_reminded_at).toISOString() : null,
  }));
  return {
    parentId: parent.id,
    parentName: parent.name,
    totals: rows.reduce((t, r) => ({ baseUnions: t.baseUnions + r.baseUnions, confirmed: t.confirmed + r.confirmed }), { baseUnions: 0, confirmed: 0 }),
    rows,
  };
}

/** Reminds the base unions under an organisation in scope that have not yet confirmed. */
export async function remindInspection(deps: Deps, caller: ScopedCaller, actor: Actor, id: string, orgId?: string) {
  const i = await getVisible(deps, caller, id);
  const org = await getOrgInScope(deps.db, caller, orgId ?? caller.post.orgId);
  return deps.db.transaction(async (tx) => {
    const reminded = await repo.remindUnconfirmed(tx, i.id, org.path, caller.accountId);
    await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'inspection.reminded', objectType: 'inspection', objectId: i.id, orgId: org.id, after: { reminded } });
    return { reminded };
  });
}
