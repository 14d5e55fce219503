import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.js';
import { escapeLike } from '../organisations/index.js';
import { memberTransfers } from './transfers.table.js';

export type TransferRecord = typeof memberTransfers.$inferSelect;

export async function insertTransfer(db: DbOrTx, values: typeof memberTransfers.$inferInsert): Promise<TransferRecord> {
  const [row] = await db.insert(memberTransfers).values(values).returning();
  return row;
}

export async function findTransfer(db: DbOrTx, id: string): Promise<TransferRecord | undefined> {
  const [row] = await db.select().from(memberTransfers).where(eq(memberTransfers.id, id));
  return row;
}

/** Moves a transfer on only from the status expected. */
export async function setTransfer(db: DbOrTx, id: string, from: string, values: Partial<typeof memberTransfers.$inferInsert>): Promise<TransferRecord | undefined> {
  const [row] = await db
    .update(memberTransfers)
    .set(values)
    .where(and(eq(memberTransfers.id, id), eq(memberTransfers.status, from)))
    .returning();
  return row;
}

export interface TransferView {
  t: TransferRecord;
  name: string;
  idNumberEnc: string;
  fromOrgName: string;
  toOrgName: string;
  reviewId: string;
  newMemberNo: string | null;
}

const viewSql = sql`
  select t.id, p.name, p.id_number_enc, fo.name as from_org_name, tg.name as to_org_name, r.id as review_id, nm.member_no as new_member_no
  from member_transfers t
  join persons p on p.id = t.person_id
  join orgs fo on fo.id = t.from_org_id
  join orgs tg on tg.id = t.to_org_id
  join reviews r on r.subject_type = 'member_transfer' and r.subject_id = t.id
  left join memberships nm on nm.id = t.new_membership_id`;

async function views(db: DbOrTx, rows: Record<string, unknown>[]): Promise<TransferView[]> {
  const out: TransferView[] = [];
  for (const x of rows) {
    const t = await findTransfer(db, x.id as string);
    out.push({
      t: t!,
      name: x.name as string,
      idNumberEnc: x.id_number_enc as string,
      fromOrgName: x.from_org_name as string,
      toOrgName: x.to_org_name as string,
      reviewId: x.review_id as string,
      newMemberNo: (x.new_member_no as string) ?? null,
    });
  }
  return out;
}

export async function findTransferView(db: DbOrTx, id: string): Promise<TransferView | undefined> {
  return (await views(db, rowsOf(await db.execute(sql`${viewSql} where t.id = ${id}`))))[0];
}

export interface TransferSearch {
  scopePath: string;
  direction: 'in' | 'out' | 'all';
  status?: string;
  orgId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/** Transfers into or out of the caller's subtree (either side in scope, for 'all'). */
export async function searchTransfers(db: DbOrTx, f: TransferSearch): Promise<{ items: TransferView[]; total: number }> {
  const scope = escapeLike(f.scopePath) + '%';
  const inScope = sql`tg.path like ${scope}`;
  const outScope = sql`fo.path like ${scope}`;
  const conds = [
    f.direction === 'in' ? inScope : f.direction === 'out' ? outScope : sql`(${inScope} or ${outScope})`,
    f.status ? sql`t.status = ${f.status}` : undefined,
    f.orgId ? sql`(t.from_org_id = ${f.orgId} or t.to_org_id = ${f.orgId})` : undefined,
    f.from ? sql`t.submitted_at >= ${f.from.toISOString()}` : undefined,
    f.to ? sql`t.submitted_at < ${f.to.toISOString()}` : undefined,
  ].filter((x): x is NonNullable<typeof x> => !!x);
  const where = sql.join(conds, sql` and `);
  const [{ n }] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from member_transfers t join orgs fo on fo.id = t.from_org_id join orgs tg on tg.id = t.to_org_id where ${where}`),
  );
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`${viewSql} where ${where} order by t.submitted_at desc, t.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`),
  );
  return { items: await views(db, rows), total: Number(n) };
}

/** Base unions whose name contains `q`, anywhere in the city, with the names of the unions above them. */
export async function searchUnions(db: DbOrTx, q: string, limit = 20) {
  return rowsOf<{ id: string; name: string; path: string[] }>(
    await db.execute(sql`
      select o.id, o.name,
        coalesce((select array_agg(a.name order by a.depth) from orgs a where o.path like a.path || '%' and a.id <> o.id and a.depth > 0), '{}') as path
      from orgs o
      where o.kind in ('base_union', 'joint_union') and o.status = 'active' and o.name like ${'%' + escapeLike(q) + '%'}
      order by length(o.name), o.name
      limit ${limit}`),
  );
}
