import { and, asc, count, desc, eq, like, sql } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
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

/** What a member list shows (and the export writes): the membership, the person's listed fields, union and work unit names. */
const listColumns = {
  m: { id: memberships.id, memberNo: memberships.memberNo, orgId: memberships.orgId, status: memberships.status, joinedOn: memberships.joinedOn },
  p: { name: persons.name, sex: persons.sex, idType: persons.idType, idNumberEnc: persons.idNumberEnc, phoneEnc: persons.phoneEnc, address: persons.address },
  orgName: orgs.name,
  workUnitName: workUnits.name,
};

/** Which filters a search has: they shape its SQL, while their values travel as parameters. */
type SearchShape = Pick<MemberSearch, 'sort' | 'order'> & Record<'orgId' | 'name' | 'memberNo' | 'idIndex' | 'phoneIndex' | 'status' | 'workUnitId', boolean>;

const param = sql.placeholder;

/**
 * The statements of one search shape, built once per database: building them was a fifth of the
 * server's time for a quick search. They are prepared with an empty name, which PostgreSQL takes as
 * the unnamed statement, so each execution is still planned for its own values (a generic plan
 * would not know how selective a name prefix or a union is).
 */
function prepareSearch(db: DbOrTx, s: SearchShape) {
  const byPerson = s.name || s.idIndex || s.phoneIndex;
  const where = and(
    // Within one union, scope is one check of that union rather than a join on every row.
    s.orgId
      ? sql`exists (select 1 from ${orgs} where ${orgs.id} = ${param('orgId')} and ${orgs.path} like ${param('scope')})`
      : sql`${orgs.path} like ${param('scope')}`,
    s.name ? like(persons.name, param('name')) : undefined,
    s.memberNo ? eq(memberships.memberNo, param('memberNo')) : undefined,
    s.idIndex ? eq(persons.idIndex, param('idIndex')) : undefined,
    s.phoneIndex ? eq(persons.phoneIndex, param('phoneIndex')) : undefined,
    s.status ? eq(memberships.status, param('status')) : undefined,
    s.workUnitId ? eq(memberships.workUnitId, param('workUnitId')) : undefined,
    s.orgId ? eq(memberships.orgId, param('orgId')) : undefined,
  );
  // Drizzle's joins add to the builder they are called on. Persons only when a filter or the sort
  // needs them (every membership has exactly one, so counts agree); orgs only across unions.
  const matching = <Q extends PgSelect>(q: Q, withPerson: boolean): Q => {
    if (!s.orgId) q.innerJoin(orgs, eq(orgs.id, memberships.orgId));
    if (withPerson) q.innerJoin(persons, eq(persons.id, memberships.personId));
    q.where(where);
    return q;
  };
  const dir = s.order === 'desc' ? desc : asc;
  const order = [dir(sortColumns[s.sort]), asc(memberships.id)];
  if (!byPerson) {
    // A union's list: the page's ids straight from an index (index-only in number order, however
    // deep), the count beside them, and only those rows joined.
    const page = matching(db.select({ id: memberships.id }).from(memberships).$dynamic(), s.sort === 'name')
      .orderBy(...order)
      .limit(param('limit'))
      .offset(param('offset'))
      .as('page');
    const counted = matching(db.select({ total: count() }).from(memberships).$dynamic(), false);
    return {
      rows: db
        .select({ ...listColumns, total: sql<number>`(${counted})`.mapWith(Number) })
        .from(page)
        .innerJoin(memberships, eq(memberships.id, page.id))
        .innerJoin(persons, eq(persons.id, memberships.personId))
        .innerJoin(orgs, eq(orgs.id, memberships.orgId))
        .leftJoin(workUnits, eq(workUnits.id, memberships.workUnitId))
        .orderBy(...order)
        .prepare(''),
      count: matching(db.select({ total: count() }).from(memberships).$dynamic(), false).prepare(''),
    };
  }
  // A search by person: the matches once (a name prefix may be common in a large union), then
  // both the page and the count from them.
  const matches = db
    .$with('matches')
    .as(matching(db.select({ id: memberships.id, key: sql`${sortColumns[s.sort]}`.as('sort_key') }).from(memberships).$dynamic(), true));
  const page = db.select({ id: matches.id }).from(matches).orderBy(dir(matches.key), asc(matches.id)).limit(param('limit')).offset(param('offset')).as('page');
  return {
    rows: db
      .with(matches)
      .select({ ...listColumns, total: sql<number>`(select count(*) from ${matches})`.mapWith(Number) })
      .from(page)
      .innerJoin(memberships, eq(memberships.id, page.id))
      .innerJoin(persons, eq(persons.id, memberships.personId))
      .innerJoin(orgs, eq(orgs.id, memberships.orgId))
      .leftJoin(workUnits, eq(workUnits.id, memberships.workUnitId))
      .orderBy(...order)
      .prepare(''),
    count: db.with(matches).select({ total: count() }).from(matches).prepare(''),
  };
}

const preparedSearches = new WeakMap<DbOrTx, Map<string, ReturnType<typeof prepareSearch>>>();

/** Members of unions in the subtree; name matches by prefix, numbers exactly (documents via the blind index). */
export async function searchMembers(db: DbOrTx, scopePath: string, f: MemberSearch) {
  const shape: SearchShape = {
    sort: f.sort,
    order: f.order,
    orgId: !!f.orgId,
    name: !!f.name,
    memberNo: !!f.memberNo,
    idIndex: !!f.idIndex,
    phoneIndex: !!f.phoneIndex,
    status: !!f.status,
    workUnitId: !!f.workUnitId,
  };
  const key = JSON.stringify(shape);
  let byShape = preparedSearches.get(db);
  if (!byShape) preparedSearches.set(db, (byShape = new Map()));
  let q = byShape.get(key);
  if (!q) byShape.set(key, (q = prepareSearch(db, shape)));
  const offset = (f.page - 1) * f.pageSize;
  const values = {
    scope: escapeLike(scopePath) + '%',
    orgId: f.orgId,
    name: f.name ? `${escapeLike(f.name)}%` : undefined,
    memberNo: f.memberNo,
    idIndex: f.idIndex,
    phoneIndex: f.phoneIndex,
    status: f.status,
    workUnitId: f.workUnitId,
    limit: f.pageSize,
    offset,
  };
  const rows = await q.rows.execute(values);
  const items = rows.map(({ total: _, ...r }) => r);
  if (rows.length > 0) return { items, total: rows[0].total };
  // Past the last page (or nothing matches): the count came with no row to carry it.
  if (offset === 0) return { items, total: 0 };
  const [{ total }] = await q.count.execute(values);
  return { items, total };
}
export type MemberListRow = Awaited<ReturnType<typeof searchMembers>>['items'][number];

export async function workUnitBelongsTo(db: DbOrTx, workUnitId: string, orgId: string): Promise<boolean> {
  const [row] = await db.select({ id: workUnits.id }).from(workUnits).where(and(eq(workUnits.id, workUnitId), eq(workUnits.orgId, orgId)));
  return !!row;
}

export async function workUnitNames(db: DbOrTx, orgId: string): Promise<string[]> {
  const rows = await db.select({ name: workUnits.name }).from(workUnits).where(eq(workUnits.orgId, orgId)).orderBy(asc(workUnits.name));
  return rows.map((r) => r.name);
}
