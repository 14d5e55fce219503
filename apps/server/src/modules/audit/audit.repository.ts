import { and, count, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { auditLog } from '../../platform/audit/audit.table.js';
import { escapeLike, orgInScope } from '../organisations/index.js';

export interface AuditSearch {
  actor?: string;
  orgId?: string;
  orgName?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/**
 * Records about organisations in the caller's subtree. Security events with no organisation
 * (failed logins of unknown users) are seen only from the root.
 */
export async function searchAudit(db: DbOrTx, scopePath: string, f: AuditSearch) {
  const isRoot = scopePath.split('/').filter(Boolean).length === 1;
  const where = and(
    isRoot ? sql`(${auditLog.orgId} is null or ${orgInScope(auditLog.orgId, scopePath)})` : orgInScope(auditLog.orgId, scopePath),
    f.actor ? eq(auditLog.actorUsername, f.actor) : undefined,
    f.orgId ? eq(auditLog.orgId, f.orgId) : undefined,
    f.orgName ? sql`exists (select 1 from orgs fo where fo.id = ${auditLog.orgId} and fo.name ilike ${'%' + escapeLike(f.orgName) + '%'})` : undefined,
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.from ? gte(auditLog.at, new Date(f.from)) : undefined,
    f.to ? lte(auditLog.at, new Date(f.to)) : undefined,
  );
  const [{ total }] = await db.select({ total: count() }).from(auditLog).where(where);
  const rows = await db
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      actorName: auditLog.actorName,
      actorUsername: auditLog.actorUsername,
      orgId: auditLog.orgId,
      // The outer column is named in full: Drizzle leaves select-list columns unqualified.
      orgName: sql<string | null>`(select o.name from orgs o where o.id = "audit_log"."org_id")`,
      action: auditLog.action,
      objectType: auditLog.objectType,
      objectId: auditLog.objectId,
      result: auditLog.result,
      ip: auditLog.ip,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.seq))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items: rows.map((r) => ({ ...r, at: r.at.toISOString(), result: r.result as 'success' | 'failure' })), total };
}
