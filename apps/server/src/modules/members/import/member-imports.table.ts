import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../../accounts/accounts.table.js';
import { orgs } from '../../organisations/organisations.table.js';

/** A collection task (采集任务): one uploaded template, or one organisation-code lookup. */
export const memberImports = pgTable(
  'member_imports',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    /**
     * Keyed hash of the uploaded bytes (or of the org code): the same file submitted again to the
     * same union finds its task instead of starting another. Keyed, so it says nothing about content.
     */
    sourceHash: text('source_hash').notNull(),
    /** The upload, encrypted at rest (AES-CTR + HMAC); its IV and MAC. Null for org-code tasks. */
    fileIv: text('file_iv'),
    fileMac: text('file_mac'),
    fileKeyId: text('file_key_id'),
    fileSize: integer('file_size'),
    status: text('status').notNull(),
    processed: integer('processed').notNull().default(0),
    total: integer('total').notNull().default(0),
    newCount: integer('new_count').notNull().default(0),
    updateCount: integer('update_count').notNull().default(0),
    conflictCount: integer('conflict_count').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    error: text('error'),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => accounts.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [
    // Race-free idempotence: one live task per union and source.
    uniqueIndex('member_imports_source_uq').on(t.orgId, t.sourceHash).where(sql`${t.status} not in ('failed', 'cancelled')`),
    index('member_imports_org_submitted_idx').on(t.orgId, t.submittedAt),
    // One transfer-in import per union at a time (seed 002 §4.2: wait for the last one to finish).
    uniqueIndex('member_imports_transfer_live_uq').on(t.orgId).where(sql`${t.kind} = 'transfer_in' and ${t.status} in ('queued', 'checking', 'ready', 'committing')`),
  ],
);

/**
 * One row of a task, checked and ready to write: person values already encrypted with their
 * blind indexes (the staging table holds no number in clear), the verdict and its reason.
 * Committing is a handful of INSERT ... SELECT statements over these rows.
 */
export const memberImportRows = pgTable(
  'member_import_rows',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => memberImports.id, { onDelete: 'cascade' }),
    rowNo: integer('row_no').notNull(),
    verdict: text('verdict').notNull(),
    message: text('message').notNull(),
    idType: text('id_type'),
    idNumberEnc: text('id_number_enc'),
    idIndex: text('id_index'),
    name: text('name'),
    sex: text('sex'),
    birthDate: date('birth_date'),
    phoneEnc: text('phone_enc'),
    phoneIndex: text('phone_index'),
    education: text('education'),
    householdType: text('household_type'),
    migrantWorker: boolean('migrant_worker'),
    skillLevel: text('skill_level'),
    address: text('address'),
    unionPost: text('union_post'),
    // No foreign key: the id comes from the union's own work units, looked up while checking,
    // and a per-row FK trigger would cost more than the rest of staging a row.
    workUnitId: uuid('work_unit_id'),
    joinedOn: date('joined_on'),
    remark: text('remark'),
    /** The known person this row names (classification), or null. */
    personId: uuid('person_id'),
    /** The id a new person gets at commit: set here so committing writes without reading back. */
    newPersonId: uuid('new_person_id').notNull().default(sql`gen_random_uuid()`),
    membershipId: uuid('membership_id'),
    memberNo: text('member_no'),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNo] }), index('member_import_rows_verdict_idx').on(t.importId, t.verdict, t.rowNo)],
);
