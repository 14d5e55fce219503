import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { escapeLike } from './organisations.scope.js';
import { orgs, workUnits } from './organisations.table.js';

export type OrgRow = typeof orgs.$inferSelect;
export type OrgInsert = typeof orgs.$inferInsert;
export type WorkUnitRow = typeof workUnits.$inferSelect;
export type WorkUnitInsert = typeof workUnits.$inferInsert;

const inSubtree = (scopePath: string) => sql`${orgs.path} like ${escapeLike(scopePath) + '%'}`;
// Correlated subqueries name the outer row explicitly: Drizzle leaves columns unqualified in
// single-table selects, and a bare "id" would bind to the subquery's own table.
const childCount = sql<number>`(select count(*)::int from orgs c where c.parent_id = "orgs"."id")`;

export async function findOrgInScope(db: DbOrTx, id: string, scopePath: string): Promise<OrgRow | undefined> {
  const [row] = await db.select().from(orgs).where(and(eq(orgs.id, id), inSubtree(scopePath)));
  return row;
}

export async function findOrg(db: DbOrTx, id: string): Promise<OrgRow | undefined> {
  const [row] = await db.select().from(orgs).where(eq(orgs.id, id));
  return row;
}

export async function findOrgsByIds(db: DbOrTx, ids: string[]): Promise<Pick<OrgRow, 'id' | 'name' | 'path' | 'kind'>[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: orgs.id, name: orgs.name, path: orgs.path, kind: orgs.kind })
    .from(orgs)
    .where(sql`${orgs.id} in ${ids}`);
}

export async function listChildOrgs(db: DbOrTx, parentId: string) {
  return db
    .select({ id: orgs.id, parentId: orgs.parentId, name: orgs.name, kind: orgs.kind, status: orgs.status, orgCode: orgs.orgCode, childCount })
    .from(orgs)
    .where(eq(orgs.parentId, parentId))
    .orderBy(asc(orgs.status), asc(orgs.name));
}

export async function countChildren(db: DbOrTx, id: string): Promise<{ children: number; workUnits: number }> {
  const [c] = await db.select({ n: count() }).from(orgs).where(eq(orgs.parentId, id));
  const [w] = await db.select({ n: count() }).from(workUnits).where(eq(workUnits.orgId, id));
  return { children: c.n, workUnits: w.n };
}

export interface OrgSearch {
  q?: string;
  kind?: string;
  status?: string;
  page: number;
  pageSize: number;
}

/** Name contains q, or the organisation code starts with it, within the subtree. */
export async function searchOrgs(db: DbOrTx, scopePath: string, f: OrgSearch) {
  const where = and(
    inSubtree(scopePath),
    f.q ? or(ilike(orgs.name, `%${escapeLike(f.q)}%`), ilike(orgs.orgCode, `${escapeLike(f.q)}%`)) : undefined,
    f.kind ? eq(orgs.kind, f.kind) : undefined,
    // Revoked unions drop out of search unless asked for: they keep their history, not their place.
    eq(orgs.status, f.status ?? 'active'),
  );
  const [{ total }] = await db.select({ total: count() }).from(orgs).where(where);
  const items = await db
    .select({
      id: orgs.id,
      parentId: orgs.parentId,
      name: orgs.name,
      kind: orgs.kind,
      status: orgs.status,
      orgCode: orgs.orgCode,
      chairName: orgs.chairName,
      phone: orgs.phone,
      childCount,
      parentName: sql<string | null>`(select p.name from orgs p where p.id = "orgs"."parent_id")`,
    })
    .from(orgs)
    .where(where)
    .orderBy(asc(orgs.depth), asc(orgs.name), asc(orgs.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items, total };
}

export async function insertOrg(db: DbOrTx, values: OrgInsert): Promise<OrgRow> {
  const [row] = await db.insert(orgs).values(values).returning();
  return row;
}

/** Applies a patch only if the version still matches; undefined means someone else got there first. */
export async function updateOrgVersioned(db: DbOrTx, id: string, version: number, patch: Partial<OrgInsert>): Promise<OrgRow | undefined> {
  const [row] = await db
    .update(orgs)
    .set({ ...patch, version: sql`${orgs.version} + 1`, updatedAt: new Date() })
    .where(and(eq(orgs.id, id), eq(orgs.version, version)))
    .returning();
  return row;
}

/** Another organisation with this name under the same parent (names are how people find unions). */
export async function siblingNameExists(db: DbOrTx, parentId: string, name: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: orgs.id })
    .from(orgs)
    .where(and(eq(orgs.parentId, parentId), eq(orgs.name, name), eq(orgs.status, 'active'), exceptId ? sql`${orgs.id} <> ${exceptId}` : undefined));
  return !!row;
}

/** Another work unit of this union with the same credit code. */
export async function workUnitUsccExists(db: DbOrTx, orgId: string, uscc: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: workUnits.id })
    .from(workUnits)
    .where(and(eq(workUnits.orgId, orgId), eq(workUnits.uscc, uscc), exceptId ? sql`${workUnits.id} <> ${exceptId}` : undefined));
  return !!row;
}

export async function orgCodeExists(db: DbOrTx, code: string): Promise<boolean> {
  const [row] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.orgCode, code));
  return !!row;
}

export async function listWorkUnits(db: DbOrTx, orgId: string): Promise<WorkUnitRow[]> {
  return db.select().from(workUnits).where(eq(workUnits.orgId, orgId)).orderBy(asc(workUnits.name));
}

export async function findWorkUnitInScope(db: DbOrTx, id: string, scopePath: string): Promise<WorkUnitRow | undefined> {
  const [row] = await db
    .select({ wu: workUnits })
    .from(workUnits)
    .innerJoin(orgs, eq(orgs.id, workUnits.orgId))
    .where(and(eq(workUnits.id, id), inSubtree(scopePath)));
  return row?.wu;
}

export async function insertWorkUnit(db: DbOrTx, values: WorkUnitInsert): Promise<WorkUnitRow> {
  const [row] = await db.insert(workUnits).values(values).returning();
  return row;
}

export async function updateWorkUnitVersioned(db: DbOrTx, id: string, version: number, patch: Partial<WorkUnitInsert>): Promise<WorkUnitRow | undefined> {
  const [row] = await db
    .update(workUnits)
    .set({ ...patch, version: sql`${workUnits.version} + 1`, updatedAt: new Date() })
    .where(and(eq(workUnits.id, id), eq(workUnits.version, version)))
    .returning();
  return row;
}
