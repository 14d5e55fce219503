import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.js';
import { escapeLike } from '../organisations/index.js';
import { reviewActions, reviewSteps, reviews } from './reviews.table.js';

export type ReviewRecord = typeof reviews.$inferSelect;
export type StepRecord = typeof reviewSteps.$inferSelect;

export async function insertReview(db: DbOrTx, values: typeof reviews.$inferInsert): Promise<ReviewRecord> {
  const [row] = await db.insert(reviews).values(values).returning();
  return row;
}

export async function insertSteps(db: DbOrTx, values: (typeof reviewSteps.$inferInsert)[]): Promise<StepRecord[]> {
  return db.insert(reviewSteps).values(values).returning();
}

export async function insertAction(db: DbOrTx, values: typeof reviewActions.$inferInsert): Promise<void> {
  await db.insert(reviewActions).values(values);
}

/** The review, locked: every action on one review runs one at a time, so parallel steps cannot both miss each other. */
export async function lockReview(db: DbOrTx, id: string): Promise<ReviewRecord | undefined> {
  const [row] = await db.select().from(reviews).where(eq(reviews.id, id)).for('update');
  return row;
}

export async function findReview(db: DbOrTx, id: string): Promise<ReviewRecord | undefined> {
  const [row] = await db.select().from(reviews).where(eq(reviews.id, id));
  return row;
}

export async function findReviewBySubject(db: DbOrTx, subjectType: string, subjectId: string): Promise<ReviewRecord | undefined> {
  const [row] = await db.select().from(reviews).where(and(eq(reviews.subjectType, subjectType), eq(reviews.subjectId, subjectId)));
  return row;
}

export async function updateReview(db: DbOrTx, id: string, version: number, values: Partial<typeof reviews.$inferInsert>): Promise<ReviewRecord | undefined> {
  const [row] = await db
    .update(reviews)
    .set({ ...values, version: sql`${reviews.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(reviews.id, id), eq(reviews.version, version)))
    .returning();
  return row;
}

export interface StepView extends StepRecord {
  reviewerOrgName: string | null;
  reviewerOrgPath: string | null;
  actedByName: string | null;
}

export async function listSteps(db: DbOrTx, reviewId: string, round: number): Promise<StepView[]> {
  return rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select s.*, o.name as reviewer_org_name, o.path as reviewer_org_path, a.name as acted_by_name
      from review_steps s
      left join orgs o on o.id = s.reviewer_org_id
      left join accounts a on a.id = s.acted_by
      where s.review_id = ${reviewId} and s.round = ${round}
      order by s.stage, s.label`),
  ).map((r) => ({
    id: r.id as string,
    reviewId: r.review_id as string,
    round: Number(r.round),
    stage: Number(r.stage),
    label: r.label as string,
    reviewerOrgId: (r.reviewer_org_id as string) ?? null,
    status: r.status as string,
    startedAt: dateOrNull(r.started_at),
    actedAt: dateOrNull(r.acted_at),
    actedBy: (r.acted_by as string) ?? null,
    reason: (r.reason as string) ?? null,
    flaggedAt: dateOrNull(r.flagged_at),
    reviewerOrgName: (r.reviewer_org_name as string) ?? null,
    reviewerOrgPath: (r.reviewer_org_path as string) ?? null,
    actedByName: (r.acted_by_name as string) ?? null,
  }));
}

const dateOrNull = (v: unknown) => (v == null ? null : new Date(v as string));

/** Moves a step on only from the state the caller saw: the loser of a race changes nothing. */
export async function setStep(db: DbOrTx, id: string, fromStatus: string, values: Partial<typeof reviewSteps.$inferInsert>): Promise<StepRecord | undefined> {
  const [row] = await db
    .update(reviewSteps)
    .set(values)
    .where(and(eq(reviewSteps.id, id), eq(reviewSteps.status, fromStatus)))
    .returning();
  return row;
}

/** Ends every step of a round still open (another step returned it, or it was withdrawn). */
export async function cancelOpenSteps(db: DbOrTx, reviewId: string, round: number): Promise<void> {
  await db
    .update(reviewSteps)
    .set({ status: 'cancelled' })
    .where(and(eq(reviewSteps.reviewId, reviewId), eq(reviewSteps.round, round), sql`${reviewSteps.status} in ('waiting', 'pending')`));
}

export interface TrailView {
  action: string;
  actorName: string | null;
  actorOrgName: string | null;
  stepLabel: string | null;
  reason: string | null;
  round: number;
  at: Date;
}

export async function listTrail(db: DbOrTx, reviewId: string): Promise<TrailView[]> {
  return rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select t.action, t.actor_name, o.name as actor_org_name, s.label as step_label, t.reason, t.round, t.at
      from review_actions t
      left join orgs o on o.id = t.actor_org_id
      left join review_steps s on s.id = t.step_id
      where t.review_id = ${reviewId}
      order by t.id`),
  ).map((r) => ({
    action: r.action as string,
    actorName: (r.actor_name as string) ?? null,
    actorOrgName: (r.actor_org_name as string) ?? null,
    stepLabel: (r.step_label as string) ?? null,
    reason: (r.reason as string) ?? null,
    round: Number(r.round),
    at: new Date(r.at as string),
  }));
}

export async function orgParent(db: DbOrTx, orgId: string): Promise<{ id: string; parentId: string | null; name: string } | undefined> {
  return rowsOf<{ id: string; parentId: string | null; name: string }>(
    await db.execute(sql`select id, parent_id as "parentId", name from orgs where id = ${orgId}`),
  )[0];
}

export interface ListFilter {
  box: 'todo' | 'overdue' | 'submitted' | 'done' | 'all';
  orgId: string;
  scopePath: string;
  subjectType?: string;
  status?: string;
  q?: string;
  page: number;
  pageSize: number;
}

/** The open steps of a review's current round, with whom they wait for. */
const waitingSql = sql`
  coalesce((select array_agg(o.name order by o.name) from review_steps s join orgs o on o.id = s.reviewer_org_id
    where s.review_id = r.id and s.round = r.round and s.status = 'pending'), '{}') as waiting_for,
  exists (select 1 from review_steps s where s.review_id = r.id and s.round = r.round and s.status = 'pending' and s.flagged_at is not null) as overdue`;

function boxCondition(f: Pick<ListFilter, 'box' | 'orgId' | 'scopePath'>) {
  const scope = escapeLike(f.scopePath) + '%';
  switch (f.box) {
    case 'todo':
      return sql`exists (select 1 from review_steps s where s.review_id = r.id and s.round = r.round and s.status = 'pending' and s.reviewer_org_id = ${f.orgId})`;
    case 'overdue':
      // Steps of organisations below the caller that were flagged as waiting too long.
      return sql`exists (select 1 from review_steps s join orgs o on o.id = s.reviewer_org_id
        where s.review_id = r.id and s.round = r.round and s.status = 'pending' and s.flagged_at is not null
          and o.path like ${scope} and o.id <> ${f.orgId})`;
    case 'submitted':
      return sql`r.submitter_org_id = ${f.orgId}`;
    case 'done':
      return sql`exists (select 1 from review_actions t where t.review_id = r.id and t.actor_org_id = ${f.orgId} and t.action in ('approved', 'returned'))`;
    case 'all':
      return visibleCondition(f.scopePath);
  }
}

/** A review the caller may see: submitted from, or reviewed by, an organisation in the caller's subtree. */
export function visibleCondition(scopePath: string) {
  const scope = escapeLike(scopePath) + '%';
  return sql`(exists (select 1 from orgs so where so.id = r.submitter_org_id and so.path like ${scope})
    or exists (select 1 from review_steps s join orgs o on o.id = s.reviewer_org_id where s.review_id = r.id and o.path like ${scope}))`;
}

export interface ReviewListRow {
  r: ReviewRecord;
  submitterOrgName: string | null;
  submittedByName: string | null;
  waitingFor: string[];
  overdue: boolean;
}

export async function listReviews(db: DbOrTx, f: ListFilter): Promise<{ items: ReviewListRow[]; total: number }> {
  const where = sql.join(
    [
      boxCondition(f),
      f.subjectType ? sql`r.subject_type = ${f.subjectType}` : undefined,
      f.status ? sql`r.status = ${f.status}` : undefined,
      f.q ? sql`r.title like ${'%' + escapeLike(f.q) + '%'}` : undefined,
    ].filter((x): x is NonNullable<typeof x> => !!x),
    sql` and `,
  );
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select r.id, count(*) over () as total, so.name as submitter_org_name, a.name as submitted_by_name, ${waitingSql}
      from reviews r
      left join orgs so on so.id = r.submitter_org_id
      left join accounts a on a.id = r.submitted_by
      where ${where}
      order by r.updated_at desc, r.id
      limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`),
  );
  if (rows.length === 0) {
    // A page past the end still reports the total.
    const [c] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from reviews r where ${where}`));
    return { items: [], total: Number(c.n) };
  }
  const byId = new Map((await db.select().from(reviews).where(inArray(reviews.id, rows.map((x) => x.id as string)))).map((x) => [x.id, x]));
  return {
    total: Number(rows[0].total),
    items: rows.map((x) => ({
      r: byId.get(x.id as string)!,
      submitterOrgName: (x.submitter_org_name as string) ?? null,
      submittedByName: (x.submitted_by_name as string) ?? null,
      waitingFor: (x.waiting_for as string[]) ?? [],
      overdue: x.overdue === true || x.overdue === 't',
    })),
  };
}

export async function findReviewRow(db: DbOrTx, id: string): Promise<ReviewListRow | undefined> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select r.id, so.name as submitter_org_name, a.name as submitted_by_name, ${waitingSql}
      from reviews r left join orgs so on so.id = r.submitter_org_id left join accounts a on a.id = r.submitted_by
      where r.id = ${id}`),
  );
  if (rows.length === 0) return undefined;
  const r = await findReview(db, id);
  const x = rows[0];
  return { r: r!, submitterOrgName: (x.submitter_org_name as string) ?? null, submittedByName: (x.submitted_by_name as string) ?? null, waitingFor: (x.waiting_for as string[]) ?? [], overdue: x.overdue === true || x.overdue === 't' };
}

export async function isVisible(db: DbOrTx, id: string, scopePath: string): Promise<boolean> {
  const rows = rowsOf<{ id: string }>(await db.execute(sql`select r.id from reviews r where r.id = ${id} and ${visibleCondition(scopePath)}`));
  return rows.length > 0;
}

export async function countBoxes(db: DbOrTx, orgId: string, scopePath: string): Promise<{ todo: number; overdue: number; returned: number }> {
  const [row] = rowsOf<{ todo: number; overdue: number; returned: number }>(
    await db.execute(sql`
      select
        (select count(*)::int from reviews r where r.status = 'pending' and ${boxCondition({ box: 'todo', orgId, scopePath })}) as todo,
        (select count(*)::int from reviews r where r.status = 'pending' and ${boxCondition({ box: 'overdue', orgId, scopePath })}) as overdue,
        (select count(*)::int from reviews r where r.status = 'returned' and r.submitter_org_id = ${orgId}) as returned`),
  );
  return { todo: Number(row.todo), overdue: Number(row.overdue), returned: Number(row.returned) };
}

/** Pending steps started before `before` and not yet reported: marked now, once. */
export async function flagOverdueSteps(db: DbOrTx, before: Date, now: Date): Promise<{ id: string; reviewId: string; round: number; reviewerOrgId: string | null }[]> {
  return db
    .update(reviewSteps)
    .set({ flaggedAt: now })
    .where(and(eq(reviewSteps.status, 'pending'), sql`${reviewSteps.flaggedAt} is null`, sql`${reviewSteps.startedAt} < ${before.toISOString()}`))
    .returning({ id: reviewSteps.id, reviewId: reviewSteps.reviewId, round: reviewSteps.round, reviewerOrgId: reviewSteps.reviewerOrgId });
}

export async function stepsOfStage(db: DbOrTx, reviewId: string, round: number, stage: number): Promise<StepRecord[]> {
  return db
    .select()
    .from(reviewSteps)
    .where(and(eq(reviewSteps.reviewId, reviewId), eq(reviewSteps.round, round), eq(reviewSteps.stage, stage)))
    .orderBy(asc(reviewSteps.label));
}

export async function orgInScope(db: DbOrTx, orgId: string, scopePath: string): Promise<boolean> {
  const rows = rowsOf<{ id: string }>(await db.execute(sql`select id from orgs where id = ${orgId} and path like ${escapeLike(scopePath) + '%'}`));
  return rows.length > 0;
}
