import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.js';
import { orgs } from './organisations.table.js';

/**
 * A change to an organisation that another organisation reviews (seed 002 §2, seed 000 §1.2):
 * filing a new base union, modifying one, transferring it under another parent, or changing
 * its affiliation across districts. `payload` is the submitted form; the organisation itself
 * changes only when the review is approved.
 */
export const orgChanges = pgTable(
  'org_changes',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    kind: text('kind').notNull(),
    /** The organisation changed; null for a filing until it is approved and created. */
    orgId: uuid('org_id').references(() => orgs.id),
    /** The parent the organisation is filed under or moves to. */
    targetParentId: uuid('target_parent_id').references(() => orgs.id),
    payload: jsonb('payload').notNull(),
    /** An uploaded explanation (情况说明) for a cross-district affiliation change, stored encrypted. */
    attachment: jsonb('attachment'),
    status: text('status').notNull(),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => accounts.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    // One change under review per organisation at a time.
    uniqueIndex('org_changes_pending_uq').on(t.orgId).where(sql`${t.status} = 'pending' and ${t.orgId} is not null`),
    index('org_changes_submitter_idx').on(t.submittedBy, t.submittedAt),
  ],
);
