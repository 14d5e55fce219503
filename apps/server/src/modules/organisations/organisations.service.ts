import { randomInt, randomUUID } from 'node:crypto';
import {
  allowedChildKinds,
  checkUscc,
  isBaseUnionKind,
  workUnitHostKinds,
  type CreateOrgBody,
  type OrgDetail,
  type OrgKind,
  type UpdateOrgBody,
  type WorkUnit,
} from '@gonghui/contracts';
import type { z } from 'zod';
import type { createWorkUnitBodySchema, updateWorkUnitBodySchema } from '@gonghui/contracts';
import type { DbOrTx } from '../../db/client.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { ScopedCaller } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { isUniqueViolation } from '../../platform/pg-errors.js';
import * as repo from './organisations.repository.js';

type CreateWorkUnitBody = z.infer<typeof createWorkUnitBodySchema>;
type UpdateWorkUnitBody = z.infer<typeof updateWorkUnitBodySchema>;

/** The organisation, if it lies in the caller's subtree; otherwise NOT_FOUND (never FORBIDDEN). */
export async function getOrgInScope(db: DbOrTx, caller: ScopedCaller, id: string): Promise<repo.OrgRow> {
  const org = await repo.findOrgInScope(db, id, caller.scopePath);
  if (!org) throw new AppError('NOT_FOUND');
  return org;
}

/** Detail view: the row, its breadcrumb within the caller's scope, and its counts. */
export async function getOrgDetail(deps: Deps, caller: ScopedCaller, id: string): Promise<OrgDetail> {
  const org = await getOrgInScope(deps.db, caller, id);
  return toDetail(deps.db, caller, org);
}

export async function toDetail(db: DbOrTx, caller: ScopedCaller, org: repo.OrgRow): Promise<OrgDetail> {
  const ancestorIds = org.path.split('/').filter(Boolean);
  const ancestors = await repo.findOrgsByIds(db, ancestorIds);
  const byId = new Map(ancestors.map((a) => [a.id, a]));
  const breadcrumb = ancestorIds
    .map((aid) => byId.get(aid))
    .filter((a): a is NonNullable<typeof a> => !!a && a.path.startsWith(caller.scopePath))
    .map((a) => ({ id: a.id, name: a.name }));
  const counts = await repo.countChildren(db, org.id);
  return {
    id: org.id,
    parentId: org.parentId,
    parentName: org.parentId ? (byId.get(org.parentId)?.name ?? null) : null,
    kind: org.kind as OrgKind,
    name: org.name,
    orgCode: org.orgCode,
    orgCodeVirtual: org.orgCodeVirtual,
    uscc: org.uscc,
    usccCheckFailed: org.usccCheckFailed,
    foundedOn: org.foundedOn,
    baseUnionType: org.baseUnionType as OrgDetail['baseUnionType'],
    termRenewalOn: org.termRenewalOn,
    chairName: org.chairName,
    phone: org.phone,
    headcount: org.headcount,
    mergedUnion: org.mergedUnion,
    address: org.address,
    status: org.status as OrgDetail['status'],
    version: org.version,
    breadcrumb,
    childCount: counts.children,
    workUnitCount: counts.workUnits,
    createdAt: org.createdAt.toISOString(),
    updatedAt: org.updatedAt.toISOString(),
  };
}

/** A virtual organisation code for unions without a real one: 'V' + 8 digits, unique. */
export async function generateVirtualOrgCode(db: DbOrTx): Promise<string> {
  for (let i = 0; i < 20; i++) {
    const code = `V${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
    if (!(await repo.orgCodeExists(db, code))) return code;
  }
  throw new AppError('INTERNAL');
}

/** Early real codes can fail the check digit (RULES.md): kept, but flagged for review. */
export function usccFlag(uscc: string | null | undefined): boolean {
  if (!uscc) return false;
  const r = checkUscc(uscc);
  return !r.ok || !r.checkDigitValid;
}

/** Creates a child organisation under one in the caller's subtree. */
export async function createChildOrg(deps: Deps, caller: ScopedCaller, actor: Actor, parentId: string, body: CreateOrgBody): Promise<OrgDetail> {
  return deps.db.transaction(async (tx) => {
    const parent = await getOrgInScope(tx, caller, parentId);
    if (parent.status !== 'active') throw new AppError('ORG_REVOKED');
    if (!allowedChildKinds[parent.kind as OrgKind].includes(body.kind))
      throw new AppError('CHILD_KIND_NOT_ALLOWED', [{ path: 'kind', message: '该类型的组织不能建在此上级组织之下' }]);
    if (body.orgCode && (await repo.orgCodeExists(tx, body.orgCode))) throw orgCodeTaken();
    if (await repo.siblingNameExists(tx, parent.id, body.name)) throw orgNameTaken();
    const id = randomUUID();
    const isBase = isBaseUnionKind(body.kind);
    try {
      const row = await repo.insertOrg(tx, {
        ...body,
        id,
        parentId: parent.id,
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
        orgCode: body.orgCode ?? (await generateVirtualOrgCode(tx)),
        orgCodeVirtual: !body.orgCode,
        usccCheckFailed: usccFlag(body.uscc),
        baseUnionType: isBase ? (body.baseUnionType ?? (body.kind === 'joint_union' ? 'joint' : 'single')) : null,
      });
      await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'org.created', objectType: 'org', objectId: row.id, orgId: row.id, after: auditView(row) });
      return toDetail(tx, caller, row);
    } catch (e) {
      if (isUniqueViolation(e)) throw orgCodeTaken();
      throw e;
    }
  });
}

const orgNameTaken = () => new AppError('ORG_NAME_TAKEN', [{ path: 'name', message: '同一上级组织下已有同名组织' }]);
const workUnitDuplicate = () => new AppError('WORK_UNIT_DUPLICATE', [{ path: 'uscc', message: '本组织已有使用该统一社会信用代码的单位' }]);
const orgCodeTaken = () => new AppError('ORG_CODE_TAKEN', [{ path: 'orgCode', message: '该组织机构代码已被其他组织使用' }]);

const auditView = (r: repo.OrgRow) => {
  const { path: _p, createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest;
};

/** Only the fields that changed, before and after. */
function diff<T extends Record<string, unknown>>(before: T, patch: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v !== undefined && before[k] !== v) {
      b[k] = before[k];
      a[k] = v;
    }
  }
  return { before: b, after: a };
}

/** Edits an organisation in the caller's subtree (its own included); stale versions conflict. */
export async function updateOrg(deps: Deps, caller: ScopedCaller, actor: Actor, id: string, body: UpdateOrgBody): Promise<OrgDetail> {
  return deps.db.transaction(async (tx) => {
    const org = await getOrgInScope(tx, caller, id);
    if (org.status !== 'active') throw new AppError('ORG_REVOKED');
    // A base union's own data changes only through a modification its upper union reviews (seed 002 §2).
    if (org.id === caller.post.orgId && isBaseUnionKind(org.kind)) throw new AppError('ORG_CHANGE_NEEDS_REVIEW');
    const { version, ...fields } = body;
    // The contract checks the dates sent together; here a date sent alone meets the stored other one.
    const foundedOn = fields.foundedOn !== undefined ? fields.foundedOn : org.foundedOn;
    const termRenewalOn = fields.termRenewalOn !== undefined ? fields.termRenewalOn : org.termRenewalOn;
    if (foundedOn && termRenewalOn && termRenewalOn < foundedOn) throw fieldError('termRenewalOn', '换届日期不能早于建会日期');
    const { orgCode, ...rest } = fields;
    // The code can be replaced, never removed.
    const patch: Partial<repo.OrgInsert> = { ...rest, ...(orgCode ? { orgCode } : {}) };
    if (fields.orgCode && fields.orgCode !== org.orgCode) {
      if (await repo.orgCodeExists(tx, fields.orgCode)) throw orgCodeTaken();
      patch.orgCodeVirtual = false;
    }
    if (fields.uscc !== undefined) patch.usccCheckFailed = usccFlag(fields.uscc);
    if (fields.name && org.parentId && (await repo.siblingNameExists(tx, org.parentId, fields.name, org.id))) throw orgNameTaken();
    if (fields.baseUnionType !== undefined && !isBaseUnionKind(org.kind)) delete patch.baseUnionType;
    const changes = diff(org as Record<string, unknown>, patch as Record<string, unknown>);
    const row = await repo.updateOrgVersioned(tx, id, version, patch);
    if (!row) throw new AppError('CONFLICT');
    await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'org.updated', objectType: 'org', objectId: id, orgId: id, ...changes });
    return toDetail(tx, caller, row);
  });
}

/** Children of an organisation in scope; without a parent, the caller's own organisation. */
export async function listTree(deps: Deps, caller: ScopedCaller, parentId?: string) {
  if (!parentId) {
    const own = await getOrgInScope(deps.db, caller, caller.post.orgId);
    const counts = await repo.countChildren(deps.db, own.id);
    return [{ id: own.id, parentId: own.parentId, name: own.name, kind: own.kind, status: own.status, orgCode: own.orgCode, childCount: counts.children }];
  }
  await getOrgInScope(deps.db, caller, parentId);
  return repo.listChildOrgs(deps.db, parentId);
}

export async function searchOrgs(deps: Deps, caller: ScopedCaller, q: repo.OrgSearch) {
  const r = await repo.searchOrgs(deps.db, caller.scopePath, q);
  return { ...r, page: q.page, pageSize: q.pageSize };
}

function toWorkUnit(r: repo.WorkUnitRow): WorkUnit {
  const { createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest;
}

async function getHostOrg(db: DbOrTx, caller: ScopedCaller, orgId: string) {
  const org = await getOrgInScope(db, caller, orgId);
  if (!workUnitHostKinds.includes(org.kind as OrgKind)) throw new AppError('BAD_REQUEST', undefined, '只有基层工会和联合工会可以维护单位信息');
  return org;
}

export async function listWorkUnits(deps: Deps, caller: ScopedCaller, orgId: string): Promise<WorkUnit[]> {
  await getOrgInScope(deps.db, caller, orgId);
  return (await repo.listWorkUnits(deps.db, orgId)).map(toWorkUnit);
}

/** Adds a work unit to a base or joint union in scope. */
export async function createWorkUnit(deps: Deps, caller: ScopedCaller, actor: Actor, orgId: string, body: CreateWorkUnitBody): Promise<WorkUnit> {
  return deps.db.transaction(async (tx) => {
    const org = await getHostOrg(tx, caller, orgId);
    if (org.status !== 'active') throw new AppError('ORG_REVOKED');
    if (body.uscc && (await repo.workUnitUsccExists(tx, orgId, body.uscc))) throw workUnitDuplicate();
    const row = await repo.insertWorkUnit(tx, { ...body, orgId, usccCheckFailed: usccFlag(body.uscc) });
    await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'work_unit.created', objectType: 'work_unit', objectId: row.id, orgId, after: toWorkUnit(row) });
    return toWorkUnit(row);
  });
}

/** Edits a work unit in scope; stale versions conflict. */
export async function updateWorkUnit(deps: Deps, caller: ScopedCaller, actor: Actor, id: string, body: UpdateWorkUnitBody): Promise<WorkUnit> {
  return deps.db.transaction(async (tx) => {
    const wu = await repo.findWorkUnitInScope(tx, id, caller.scopePath);
    if (!wu) throw new AppError('NOT_FOUND');
    const { version, ...fields } = body;
    const merged = { headcount: fields.headcount ?? wu.headcount, migrant: fields.migrantHeadcount ?? wu.migrantHeadcount };
    if (merged.headcount != null && merged.migrant != null && merged.migrant > merged.headcount)
      throw fieldError('migrantHeadcount', '农民工人数不能超过职工人数');
    const patch: Partial<repo.WorkUnitInsert> = { ...fields };
    if (fields.uscc !== undefined) patch.usccCheckFailed = usccFlag(fields.uscc);
    if (fields.uscc && (await repo.workUnitUsccExists(tx, wu.orgId, fields.uscc, wu.id))) throw workUnitDuplicate();
    const changes = diff(wu as Record<string, unknown>, patch as Record<string, unknown>);
    const row = await repo.updateWorkUnitVersioned(tx, id, version, patch);
    if (!row) throw new AppError('CONFLICT');
    await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'work_unit.updated', objectType: 'work_unit', objectId: id, orgId: wu.orgId, ...changes });
    return toWorkUnit(row);
  });
}
