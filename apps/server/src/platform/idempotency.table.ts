import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../modules/accounts/accounts.table.js';

/**
 * Answers already given to a request carrying an `Idempotency-Key` (SECURITY.md, reliability): a
 * retry by the same account with the same key replays the first answer; the same key with a
 * different request is refused. Kept for a day.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    key: text('key').notNull(),
    /** Method and route pattern plus a hash of the body, so a key reused for another request is caught. */
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    body: jsonb('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.key] })],
);
