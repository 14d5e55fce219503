import { and, asc, count, desc, eq, like, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';
import { escapeLike, orgs, workUnits } from '../organisations/index.js';
import { membershipEvents, memberships, persons } from './members.table.js';

export type PersonRow = typeof persons.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;

export async function findPersonByDocument(db: DbOrTx, idType: string, idIndex: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(persons).where(and(eq(persons.idType, idType), eq(persons.idIndex, idIndex)));
  return row;
}

export async function insertPerson(db: DbOrTx, values: typeof persons.$inferInsert): Promise<PersonRow> {
  const [row] = await db.insert(persons).values(values).returning();
  return row;
}

export async function updatePerson(db: DbOrTx, id: string, patch: Partial<typeof persons.$inferInsert>): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await db.update(persons).set({ ...patch, updatedAt: new Date() }).where(eq(persons.id, id));
}

/** The membership that has not ended, with its union's name. */
export async function findCurrentMembership(db: DbOrTx, personId: string) {
  const [row] = await db
    .select({ id: memberships.id, orgId: memberships.orgId, orgName: orgs.name, memberNo: memberships.memberNo, status: memberships.status })
    .from(memberships)
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(and(eq(memberships.personId, personId), sql`${memberships.status} <> 'transferred_out'`));
  return row;
}

/** The next 10-digit member number (会员编号). */
export async function nextMemberNo(db: DbOrTx): Promise<string> {
  const [row] = rowsOf<{ n: string }>(await db.execute(sql`select nextval('member_no_seq')::text as n`));
  return row.n;
}

export async function insertMembership(db: DbOrTx, values: typeof memberships.$inferInsert): Promise<MembershipRow> {
  const [row] = await db.insert(memberships).values(values).returning();
  return row;
}

/** Applies a patch only if the version still matches; undefined means someone else got there first. */
export async function updateMembershipVersioned(db: DbOrTx, id: string, version: number, patch: Partial<typeof memberships.$inferInsert>) {
  const [row] = await db
    .update(memberships)
    .set({ ...patch, version: sql`${memberships.version} + 1`, updatedAt: new Date() })
    .where(and(eq(memberships.id, id), eq(memberships.version, version)))
    .returning();
  return row;
}

export async function insertEvent(db: DbOrTx, values: typeof membershipEvents.$inferInsert): Promise<void> {
  await db.insert(membershipEvents).values(values);
}

export async function listEvents(db: DbOrTx, membershipId: string) {
  return db.select().from(membershipEvents).where(eq(membershipEvents.membershipId, membershipId)).orderBy(asc(membershipEvents.id));
}

const memberColumns = {
  m: memberships,
  p: persons,
  orgName: orgs.name,
  workUnitName: workUnits.name,
};

const inSubtree = (scopePath: string) => sql`${orgs.path} like ${escapeLike(scopePath) + '%'}`;

/** A membership with its person, if its union lies in the subtree. */
export async function findMemberInScope(db: DbOrTx, id: string, scopePath: string) {
  const [row] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .leftJoin(workUnits, eq(workUnits.id, memberships.workUnitId))
    .where(and(eq(memberships.id, id), inSubtree(scopePath)));
  return row;
}
export type MemberJoined = NonNullable<Awaited<ReturnType<typeof findMemberInScope>>>;

export interface MemberSearch {
  name?: string;
  memberNo?: string;
  idIndex?: string;
  phoneIndex?: string;
  status?: string;
  workUnitId?: string;
  orgId?: string;
  sort: 'memberNo' | 'name' | 'joinedOn' | 'updatedAt';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const sortColumns = { memberNo: memberships.memberNo, name: persons.name, joinedOn: memberships.joinedOn, updatedAt: memberships.updatedAt };

/** Members of unions in the subtree; name matches by prefix, numbers exactly (documents via the blind index). */
export async function searchMembers(db: DbOrTx, scopePath: string, f: MemberSearch) {
  const conditions: (SQL | undefined)[] = [
    inSubtree(scopePath),
    f.name ? like(persons.name, `${escapeLike(f.name)}%`) : undefined,
    f.memberNo ? eq(memberships.memberNo, f.memberNo) : undefined,
    f.idIndex ? eq(persons.idIndex, f.idIndex) : undefined,
    f.phoneIndex ? eq(persons.phoneIndex, f.phoneIndex) : undefined,
    f.status ? eq(memberships.status, f.status) : undefined,
    f.workUnitId ? eq(memberships.workUnitId, f.workUnitId) : undefined,
    f.orgId ? eq(memberships.orgId, f.orgId) : undefined,
  ];
  const where = and(...conditions);
  const [{ total }] = await db
    .select({ total: count() })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(where);
  const dir = f.order === 'desc' ? desc : asc;
  const items = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .leftJoin(workUnits, eq(workUnits.id, memberships.workUnitId))
    .where(where)
    .orderBy(dir(sortColumns[f.sort]), asc(memberships.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items, total };
}

export async function workUnitBelongsTo(db: DbOrTx, workUnitId: string, orgId: string): Promise<boolean> {
  const [row] = await db.select({ id: workUnits.id }).from(workUnits).where(and(eq(workUnits.id, workUnitId), eq(workUnits.orgId, orgId)));
  return !!row;
}

export async function workUnitNames(db: DbOrTx, orgId: string): Promise<string[]> {
  const rows = await db.select({ name: workUnits.name }).from(workUnits).where(eq(workUnits.orgId, orgId)).orderBy(asc(workUnits.name));
  return rows.map((r) => r.name);
}
