import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.js';
import { escapeLike } from '../organisations/index.js';
import { mutualAidEnrolmentMembers, mutualAidEnrolments, mutualAidPlans } from './mutual-aid.table.js';

export type PlanRecord = typeof mutualAidPlans.$inferSelect;
export type EnrolmentRecord = typeof mutualAidEnrolments.$inferSelect;
export type EnrolmentKind = 'annual' | 'supplementary';

/** Enrolments that hold a unit's place for the year (the partial unique indexes use the same sets). */
export const LIVE_STATUSES = ['pending', 'returned', 'approved'] as const;

// ---- plans ----

export async function listPlans(db: DbOrTx): Promise<(PlanRecord & { enrolmentCount: number })[]> {
  const rows = await db
    .select({ p: mutualAidPlans, n: sql<number>`(select count(*)::int from mutual_aid_enrolments e where e.plan_id = mutual_aid_plans.id)` })
    .from(mutualAidPlans)
    .orderBy(desc(mutualAidPlans.year));
  return rows.map((r) => ({ ...r.p, enrolmentCount: Number(r.n) }));
}

export async function findPlanByYear(db: DbOrTx, year: number): Promise<PlanRecord | undefined> {
  const [row] = await db.select().from(mutualAidPlans).where(eq(mutualAidPlans.year, year));
  return row;
}

export async function findPlan(db: DbOrTx, id: string): Promise<PlanRecord | undefined> {
  const [row] = await db.select().from(mutualAidPlans).where(eq(mutualAidPlans.id, id));
  return row;
}

export async function insertPlan(db: DbOrTx, values: typeof mutualAidPlans.$inferInsert): Promise<PlanRecord> {
  const [row] = await db.insert(mutualAidPlans).values(values).returning();
  return row;
}

/** Applies a patch only at the version the editor saw; undefined means someone else saved first. */
export async function updatePlanVersioned(db: DbOrTx, id: string, version: number, patch: Partial<typeof mutualAidPlans.$inferInsert>) {
  const [row] = await db
    .update(mutualAidPlans)
    .set({ ...patch, version: sql`${mutualAidPlans.version} + 1`, updatedAt: new Date() })
    .where(and(eq(mutualAidPlans.id, id), eq(mutualAidPlans.version, version)))
    .returning();
  return row;
}

export async function countEnrolmentsOfPlan(db: DbOrTx, planId: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from mutual_aid_enrolments where plan_id = ${planId}`));
  return Number(row.n);
}

// ---- the live list (read from the member registry at the moment of asking) ----

/**
 * Who a unit's list holds: its memberships that are active and employed (入会, 转入: never 转出,
 * 保留 or a transfer under review). A supplementary list leaves out everyone already covered (or
 * being enrolled) this year, by any unit: cover follows the person, not the union.
 */
function rosterWhere(orgId: string, kind: EnrolmentKind, year: number, q?: string): SQL {
  const parts: SQL[] = [sql`m.org_id = ${orgId}`, sql`m.status in ('joined', 'transferred_in')`];
  if (kind === 'supplementary')
    parts.push(sql`not exists (select 1 from mutual_aid_enrolment_members em join mutual_aid_enrolments e on e.id = em.enrolment_id
      where em.person_id = m.person_id and e.year = ${year} and e.status in ('pending', 'returned', 'approved'))`);
  if (q) parts.push(sql`(p.name like ${escapeLike(q) + '%'} or m.member_no = ${q})`);
  return sql.join(parts, sql` and `);
}

export interface RosterRow {
  membershipId: string;
  memberNo: string;
  name: string;
  idNumberEnc: string;
  status: string;
  joinedOn: string | null;
}

export async function countRoster(db: DbOrTx, orgId: string, kind: EnrolmentKind, year: number, q?: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from memberships m join persons p on p.id = m.person_id where ${rosterWhere(orgId, kind, year, q)}`),
  );
  return Number(row.n);
}

export async function pageRoster(db: DbOrTx, orgId: string, kind: EnrolmentKind, year: number, page: number, pageSize: number, q?: string): Promise<RosterRow[]> {
  return rowsOf<RosterRow>(
    await db.execute(sql`
      select m.id as "membershipId", m.member_no as "memberNo", p.name, p.id_number_enc as "idNumberEnc", m.status, m.joined_on::text as "joinedOn"
      from memberships m join persons p on p.id = m.person_id
      where ${rosterWhere(orgId, kind, year, q)}
      order by m.member_no
      limit ${pageSize} offset ${(page - 1) * pageSize}`),
  );
}

/** Freezes the list as it stands now into the enrolment, in one statement; returns how many. */
export async function freezeRoster(db: DbOrTx, enrolmentId: string, orgId: string, kind: EnrolmentKind, year: number): Promise<number> {
  const rows = rowsOf<{ n: number }>(
    await db.execute(sql`
      with frozen as (
        insert into mutual_aid_enrolment_members (enrolment_id, membership_id, person_id, member_no, name)
        select ${enrolmentId}, m.id, m.person_id, m.member_no, p.name
        from memberships m join persons p on p.id = m.person_id
        where ${rosterWhere(orgId, kind, year)}
        returning 1)
      select count(*)::int as n from frozen`),
  );
  return Number(rows[0].n);
}

/** Drops a frozen list (a returned enrolment about to be taken again). */
export async function dropFrozenRoster(db: DbOrTx, enrolmentId: string): Promise<void> {
  await db.delete(mutualAidEnrolmentMembers).where(eq(mutualAidEnrolmentMembers.enrolmentId, enrolmentId));
}

// ---- enrolments ----

export async function insertEnrolment(db: DbOrTx, values: typeof mutualAidEnrolments.$inferInsert): Promise<EnrolmentRecord> {
  const [row] = await db.insert(mutualAidEnrolments).values(values).returning();
  return row;
}

export async function lockEnrolment(db: DbOrTx, id: string): Promise<EnrolmentRecord | undefined> {
  const [row] = await db.select().from(mutualAidEnrolments).where(eq(mutualAidEnrolments.id, id)).for('update');
  return row;
}

/** Moves an enrolment on only from the status expected; undefined when it was no longer there. */
export async function setEnrolment(db: DbOrTx, id: string, from: string, patch: Partial<typeof mutualAidEnrolments.$inferInsert>): Promise<EnrolmentRecord | undefined> {
  const [row] = await db
    .update(mutualAidEnrolments)
    .set({ ...patch, version: sql`${mutualAidEnrolments.version} + 1` })
    .where(and(eq(mutualAidEnrolments.id, id), eq(mutualAidEnrolments.status, from)))
    .returning();
  return row;
}

/** The unit's enrolment of this kind that holds its place for the year, if any. */
export async function findLiveEnrolment(db: DbOrTx, orgId: string, year: number, kind: EnrolmentKind, statuses: readonly string[] = LIVE_STATUSES): Promise<EnrolmentRecord | undefined> {
  const [row] = await db
    .select()
    .from(mutualAidEnrolments)
    .where(and(eq(mutualAidEnrolments.orgId, orgId), eq(mutualAidEnrolments.year, year), eq(mutualAidEnrolments.kind, kind), inArray(mutualAidEnrolments.status, [...statuses])))
    .orderBy(desc(mutualAidEnrolments.submittedAt))
    .limit(1);
  return row;
}

export async function nextContractSerial(db: DbOrTx): Promise<number> {
  const [row] = rowsOf<{ n: string }>(await db.execute(sql`select nextval('mutual_aid_contract_seq')::text as n`));
  return Number(row.n);
}

export interface EnrolmentView extends EnrolmentRecord {
  orgName: string;
  orgPath: string;
  parentOrgName: string | null;
}

const viewSelect = sql`
  select e.*, e.cover_from::text as cover_from_t, e.cover_to::text as cover_to_t, o.name as org_name, o.path as org_path, po.name as parent_org_name
  from mutual_aid_enrolments e
  join orgs o on o.id = e.org_id
  left join orgs po on po.id = o.parent_id`;

const toView = (r: Record<string, unknown>): EnrolmentView => ({
  id: r.id as string,
  planId: r.plan_id as string,
  year: Number(r.year),
  orgId: r.org_id as string,
  kind: r.kind as string,
  status: r.status as string,
  memberCount: Number(r.member_count),
  contributionFen: Number(r.contribution_fen),
  amountFen: Number(r.amount_fen),
  operatorName: r.operator_name as string,
  operatorPhoneEnc: r.operator_phone_enc as string,
  note: (r.note as string) ?? null,
  submittedBy: (r.submitted_by as string) ?? null,
  submittedAt: new Date(r.submitted_at as string),
  decidedAt: r.decided_at ? new Date(r.decided_at as string) : null,
  contractNo: (r.contract_no as string) ?? null,
  coverFrom: (r.cover_from_t as string) ?? null,
  coverTo: (r.cover_to_t as string) ?? null,
  version: Number(r.version),
  orgName: r.org_name as string,
  orgPath: r.org_path as string,
  parentOrgName: (r.parent_org_name as string) ?? null,
});

/** An enrolment whose unit lies in the caller's subtree. */
export async function findEnrolmentInScope(db: DbOrTx, id: string, scopePath: string): Promise<EnrolmentView | undefined> {
  const rows = rowsOf<Record<string, unknown>>(await db.execute(sql`${viewSelect} where e.id = ${id} and o.path like ${escapeLike(scopePath) + '%'}`));
  return rows[0] ? toView(rows[0]) : undefined;
}

export interface EnrolmentFilter {
  scopePath: string;
  year?: number;
  status?: string;
  kind?: string;
  orgId?: string;
  q?: string;
}

function filterWhere(f: EnrolmentFilter): SQL {
  const parts: SQL[] = [sql`o.path like ${escapeLike(f.scopePath) + '%'}`];
  if (f.year) parts.push(sql`e.year = ${f.year}`);
  if (f.status) parts.push(sql`e.status = ${f.status}`);
  if (f.kind) parts.push(sql`e.kind = ${f.kind}`);
  if (f.orgId) parts.push(sql`e.org_id = ${f.orgId}`);
  if (f.q) parts.push(sql`o.name like ${'%' + escapeLike(f.q) + '%'}`);
  return sql.join(parts, sql` and `);
}

export interface EnrolmentTotals {
  units: number;
  members: number;
  amountFen: number;
  approvedMembers: number;
  approvedAmountFen: number;
}

/** Enrolments in scope, newest first, with totals over all matching rows (withdrawn ones count for nothing). */
export async function searchEnrolments(db: DbOrTx, f: EnrolmentFilter, page: number, pageSize: number): Promise<{ items: EnrolmentView[]; total: number; totals: EnrolmentTotals }> {
  const where = filterWhere(f);
  const items = rowsOf<Record<string, unknown>>(await db.execute(sql`${viewSelect} where ${where} order by e.submitted_at desc, e.id limit ${pageSize} offset ${(page - 1) * pageSize}`)).map(toView);
  const [t] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select count(*)::int as total,
        count(distinct e.org_id) filter (where e.status <> 'withdrawn')::int as units,
        coalesce(sum(e.member_count) filter (where e.status <> 'withdrawn'), 0)::bigint as members,
        coalesce(sum(e.amount_fen) filter (where e.status <> 'withdrawn'), 0)::bigint as amount,
        coalesce(sum(e.member_count) filter (where e.status = 'approved'), 0)::bigint as approved_members,
        coalesce(sum(e.amount_fen) filter (where e.status = 'approved'), 0)::bigint as approved_amount
      from mutual_aid_enrolments e join orgs o on o.id = e.org_id where ${where}`),
  );
  return {
    items,
    total: Number(t.total),
    totals: { units: Number(t.units), members: Number(t.members), amountFen: Number(t.amount), approvedMembers: Number(t.approved_members), approvedAmountFen: Number(t.approved_amount) },
  };
}

export interface FrozenMemberRow extends RosterRow {
  personId: string;
}

/** A page of an enrolment's frozen list, each with the membership's status now. */
export async function pageFrozenRoster(db: DbOrTx, enrolmentId: string, page: number, pageSize: number, q?: string): Promise<{ items: FrozenMemberRow[]; total: number }> {
  const where = sql.join(
    [sql`em.enrolment_id = ${enrolmentId}`, q ? sql`(em.name like ${escapeLike(q) + '%'} or em.member_no = ${q})` : undefined].filter((x): x is SQL => !!x),
    sql` and `,
  );
  const items = rowsOf<FrozenMemberRow>(
    await db.execute(sql`
      select em.membership_id as "membershipId", em.person_id as "personId", em.member_no as "memberNo", em.name,
        p.id_number_enc as "idNumberEnc", m.status, m.joined_on::text as "joinedOn"
      from mutual_aid_enrolment_members em
      join memberships m on m.id = em.membership_id
      join persons p on p.id = em.person_id
      where ${where}
      order by em.member_no
      limit ${pageSize} offset ${(page - 1) * pageSize}`),
  );
  const [c] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from mutual_aid_enrolment_members em where ${where}`));
  return { items, total: Number(c.n) };
}

export interface PolicyRow {
  enrolmentId: string;
  year: number;
  kind: string;
  contractNo: string;
  coverFrom: string;
  coverTo: string;
  contributionFen: number;
  planTitle: string;
  coverage: string;
  orgId: string;
  orgName: string;
  memberNo: string;
  membershipStatus: string;
}

/** A person's policies: every approved enrolment that froze them, newest year first. */
export async function policiesOfPerson(db: DbOrTx, personId: string): Promise<PolicyRow[]> {
  return rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select e.id, e.year, e.kind, e.contract_no, e.cover_from::text as cover_from, e.cover_to::text as cover_to, e.contribution_fen,
        pl.title, pl.coverage, e.org_id, o.name as org_name, em.member_no, m.status as membership_status
      from mutual_aid_enrolment_members em
      join mutual_aid_enrolments e on e.id = em.enrolment_id and e.status = 'approved'
      join mutual_aid_plans pl on pl.id = e.plan_id
      join orgs o on o.id = e.org_id
      join memberships m on m.id = em.membership_id
      where em.person_id = ${personId}
      order by e.year desc, e.cover_from desc`),
  ).map((r) => ({
    enrolmentId: r.id as string,
    year: Number(r.year),
    kind: r.kind as string,
    contractNo: r.contract_no as string,
    coverFrom: String(r.cover_from),
    coverTo: String(r.cover_to),
    contributionFen: Number(r.contribution_fen),
    planTitle: r.title as string,
    coverage: r.coverage as string,
    orgId: r.org_id as string,
    orgName: r.org_name as string,
    memberNo: r.member_no as string,
    membershipStatus: r.membership_status as string,
  }));
}
