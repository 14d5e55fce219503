import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.js';
import { orgs } from '../organisations/organisations.table.js';

/**
 * A review (审核) of one submission. `subjectType` + `subjectId` name what is reviewed (owned by
 * another module); `before`/`after` are the change as the reviewer reads it; `payload` is what
 * was submitted, kept so a returned submission can be corrected without retyping.
 */
export const reviews = pgTable(
  'reviews',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** Null when the submitter holds no post (a person applying to join, an enterprise filing its union). */
    submitterOrgId: uuid('submitter_org_id').references(() => orgs.id),
    submittedBy: uuid('submitted_by').references(() => accounts.id),
    title: text('title').notNull(),
    status: text('status').notNull(),
    /** Starts at 1; each resubmission after a return opens the next round of steps. */
    round: integer('round').notNull().default(1),
    changes: jsonb('changes').notNull().default(sql`'[]'::jsonb`),
    payload: jsonb('payload').notNull().default(sql`'{}'::jsonb`),
    /** The step definitions, so a resubmission runs the same steps again. */
    plan: jsonb('plan').notNull(),
    version: integer('version').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('reviews_subject_uq').on(t.subjectType, t.subjectId),
    index('reviews_submitter_idx').on(t.submitterOrgId, t.status, t.submittedAt),
  ],
);

/** One organisation's part in a round of a review. */
export const reviewSteps = pgTable(
  'review_steps',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    round: integer('round').notNull(),
    /** Steps of one stage run side by side; the next stage starts when all of them approved. */
    stage: integer('stage').notNull(),
    label: text('label').notNull(),
    /** Resolved when the stage starts: the tree may change between submission and then. */
    reviewerOrgId: uuid('reviewer_org_id').references(() => orgs.id),
    status: text('status').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    actedAt: timestamp('acted_at', { withTimezone: true }),
    actedBy: uuid('acted_by').references(() => accounts.id),
    reason: text('reason'),
    /** When the step was reported to the reviewer's upper union as overdue. */
    flaggedAt: timestamp('flagged_at', { withTimezone: true }),
  },
  (t) => [
    index('review_steps_review_idx').on(t.reviewId, t.round, t.stage),
    // The inbox: pending steps by reviewing organisation.
    index('review_steps_reviewer_idx').on(t.reviewerOrgId, t.status),
  ],
);

/** The trail (处理轨迹): every action on a review, who, when and why. Append-only. */
export const reviewActions = pgTable(
  'review_actions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    stepId: uuid('step_id').references(() => reviewSteps.id),
    round: integer('round').notNull(),
    action: text('action').notNull(),
    actorAccountId: uuid('actor_account_id').references(() => accounts.id),
    actorName: text('actor_name'),
    actorOrgId: uuid('actor_org_id').references(() => orgs.id),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('review_actions_review_idx').on(t.reviewId, t.id), index('review_actions_org_idx').on(t.actorOrgId, t.at)],
);
