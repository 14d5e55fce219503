import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.js';
import { escapeLike } from '../organisations/index.js';
import { inspectionConfirmations, inspections } from './inspections.table.js';

export type InspectionRow = typeof inspections.$inferSelect;

export async function insertInspection(db: DbOrTx, values: typeof inspections.$inferInsert): Promise<InspectionRow> {
  const [row] = await db.insert(inspections).values(values).returning();
  return row;
}

export async function findInspection(db: DbOrTx, rootOrgId: string, year: number, kind: string) {
  const [row] = await db.select().from(inspections).where(and(eq(inspections.rootOrgId, rootOrgId), eq(inspections.year, year), eq(inspections.kind, kind)));
  return row;
}

/** Campaigns opened by an organisation on the caller's path to the root (a notice from above). */
export async function listInspectionsFor(db: DbOrTx, callerOrgPath: string, callerOrgId: string) {
  return rowsOf<{ id: string; year: number; kind: string; deadline: string; created_at: Date; confirmed_at: Date | null; reminded_at: Date | null }>(
    await db.execute(sql`
      select i.id, i.year, i.kind, i.deadline::text, i.created_at,
        (select c.confirmed_at from inspection_confirmations c where c.inspection_id = i.id and c.org_id = ${callerOrgId}) as confirmed_at,
        (select max(r.reminded_at) from inspection_reminders r where r.inspection_id = i.id and r.org_id = ${callerOrgId}) as reminded_at
      from inspections i join orgs root on root.id = i.root_org_id
      where ${callerOrgPath} like root.path || '%'
      order by i.year desc, i.kind`),
  ).map((r) => ({ ...r, created_at: new Date(r.created_at), confirmed_at: r.confirmed_at && new Date(r.confirmed_at), reminded_at: r.reminded_at && new Date(r.reminded_at) }));
}

export async function findInspectionVisible(db: DbOrTx, id: string, callerOrgPath: string): Promise<InspectionRow | undefined> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`select i.id from inspections i join orgs root on root.id = i.root_org_id where i.id = ${id} and ${callerOrgPath} like root.path || '%'`),
  );
  if (rows.length === 0) return undefined;
  const [row] = await db.select().from(inspections).where(eq(inspections.id, id));
  return row;
}

/** Records a confirmation once; a repeat is a no-op that keeps the first time. */
export async function confirm(db: DbOrTx, inspectionId: string, orgId: string, accountId: string): Promise<Date> {
  await db.insert(inspectionConfirmations).values({ inspectionId, orgId, confirmedBy: accountId }).onConflictDoNothing();
  const [row] = await db
    .select({ at: inspectionConfirmations.confirmedAt })
    .from(inspectionConfirmations)
    .where(and(eq(inspectionConfirmations.inspectionId, inspectionId), eq(inspectionConfirmations.orgId, orgId)));
  return row.at;
}

const BASE_KINDS = sql`('base_union', 'joint_union')`;

/** Per child of `parentId`: base unions below it and how many have confirmed. */
export async function progressByChild(db: DbOrTx, inspectionId: string, parentId: string) {
  return rowsOf<{ org_id: string; org_name: string; kind: string; base_unions: number; confirmed: number; confirmed_at: Date | null; last_reminded_at: Date | null }>(
    await db.execute(sql`
      select c.id as org_id, c.name as org_name, c.kind,
        (select count(*)::int from orgs b where b.path like c.path || '%' and b.kind in ${BASE_KINDS} and b.status = 'active') as base_unions,
        (select count(*)::int from orgs b join inspection_confirmations ic on ic.org_id = b.id and ic.inspection_id = ${inspectionId}
           where b.path like c.path || '%' and b.kind in ${BASE_KINDS} and b.status = 'active') as confirmed,
        (select ic.confirmed_at from inspection_confirmations ic where ic.inspection_id = ${inspectionId} and ic.org_id = c.id) as confirmed_at,
        (select max(r.reminded_at) from inspection_reminders r where r.inspection_id = ${inspectionId} and r.org_id = c.id) as last_reminded_at
      from orgs c where c.parent_id = ${parentId} and c.status = 'active'
      order by c.name`),
  );
}

/** Reminds every active base union under `path` that has not confirmed; returns how many. */
export async function remindUnconfirmed(db: DbOrTx, inspectionId: string, path: string, accountId: string): Promise<number> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      insert into inspection_reminders (inspection_id, org_id, reminded_by)
      select ${inspectionId}, b.id, ${accountId} from orgs b
      where b.path like ${escapeLike(path) + '%'} and b.kind in ${BASE_KINDS} and b.status = 'active'
        and not exists (select 1 from inspection_confirmations ic where ic.inspection_id = ${inspectionId} and ic.org_id = b.id)
      returning id`),
  );
  return rows.length;
}
