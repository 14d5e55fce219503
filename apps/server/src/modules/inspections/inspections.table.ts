import { sql } from 'drizzle-orm';
import { date, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.js';
import { orgs } from '../organisations/organisations.table.js';

/** A yearly annual inspection campaign (组织年检 / 会员年检) opened by the city federation. */
export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    deadline: date('deadline').notNull(),
    openedBy: uuid('opened_by')
      .notNull()
      .references(() => accounts.id),
    rootOrgId: uuid('root_org_id')
      .notNull()
      .references(() => orgs.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('inspections_year_kind_uq').on(t.rootOrgId, t.year, t.kind)],
);

/** A base union's "已完成更新": its data is current for that campaign. */
export const inspectionConfirmations = pgTable(
  'inspection_confirmations',
  {
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    confirmedBy: uuid('confirmed_by')
      .notNull()
      .references(() => accounts.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('inspection_confirmations_uq').on(t.inspectionId, t.orgId)],
);

/** An upper union's reminder to a base union that has not confirmed. */
export const inspectionReminders = pgTable('inspection_reminders', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  inspectionId: uuid('inspection_id')
    .notNull()
    .references(() => inspections.id),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  remindedBy: uuid('reminded_by')
    .notNull()
    .references(() => accounts.id),
  remindedAt: timestamp('reminded_at', { withTimezone: true }).notNull().defaultNow(),
});
