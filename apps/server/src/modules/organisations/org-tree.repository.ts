import { and, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.js';
import { escapeLike } from './organisations.scope.js';
import { orgs } from './organisations.table.js';

/** The kinds a base union can be filed under or moved to. */
const parentKinds = ['district_federation', 'industry_union', 'street_union'];

export interface DirectoryRow {
  id: string;
  name: string;
  kind: string;
  districtId: string;
  districtName: string;
}

/**
 * Active upper unions (district and industry unions, streets) across the city with the
 * district each belongs to. Their names are public (seed 002's filing form lists them), and
 * nothing below them is returned.
 */
export async function listParentDirectory(db: DbOrTx): Promise<DirectoryRow[]> {
  return rowsOf<DirectoryRow>(
    await db.execute(sql`
      select o.id, o.name, o.kind, d.id as "districtId", d.name as "districtName"
      from orgs o join orgs d on d.id::text = split_part(o.path, '/', 3)
      where o.kind in ('district_federation', 'industry_union', 'street_union') and o.status = 'active'
      order by d.name, o.depth, o.name`),
  );
}

/** The district federation or industry union an organisation lies in (itself at that level), from its path. */
export function districtIdOf(path: string): string | null {
  return path.split('/').filter(Boolean)[1] ?? null;
}

export function isParentKind(kind: string): boolean {
  return parentKinds.includes(kind);
}

/**
 * Moves an organisation and its whole subtree under a new parent: every descendant's path is
 * rewritten and its depth shifted, the organisation's parent set and its version bumped.
 */
export async function moveSubtree(db: DbOrTx, org: { id: string; path: string; depth: number }, parent: { id: string; path: string; depth: number }, now: Date): Promise<number> {
  const newPath = `${parent.path}${org.id}/`;
  const delta = parent.depth + 1 - org.depth;
  const moved = await db
    .update(orgs)
    .set({
      path: sql`${newPath} || substr(${orgs.path}, ${org.path.length + 1})`,
      depth: sql`${orgs.depth} + ${delta}`,
      updatedAt: now,
    })
    .where(sql`${orgs.path} like ${escapeLike(org.path) + '%'}`)
    .returning({ id: orgs.id });
  await db
    .update(orgs)
    .set({ parentId: parent.id, version: sql`${orgs.version} + 1` })
    .where(eq(orgs.id, org.id));
  return moved.length;
}

/** Marks an organisation and everything below it revoked (sub-unions do not outlive their union). */
export async function revokeSubtree(db: DbOrTx, path: string, now: Date): Promise<string[]> {
  const rows = await db
    .update(orgs)
    .set({ status: 'revoked', version: sql`${orgs.version} + 1`, updatedAt: now })
    .where(and(sql`${orgs.path} like ${escapeLike(path) + '%'}`, eq(orgs.status, 'active')))
    .returning({ id: orgs.id });
  return rows.map((r) => r.id);
}

/** Locks rows of the given organisations, in id order (no deadlocks between two moves). */
export async function lockOrgs(db: DbOrTx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.select({ id: orgs.id }).from(orgs).where(inArray(orgs.id, [...ids].sort())).orderBy(orgs.id).for('update');
}
