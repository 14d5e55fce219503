import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The union tree. `path` lists the ids from the root down to this node: '/root/…/self/'. */
export const orgs = pgTable(
  'orgs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    parentId: uuid('parent_id'),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    orgCode: text('org_code').notNull().unique(),
    orgCodeVirtual: boolean('org_code_virtual').notNull().default(false),
    uscc: text('uscc'),
    usccCheckFailed: boolean('uscc_check_failed').notNull().default(false),
    foundedOn: date('founded_on'),
    baseUnionType: text('base_union_type'),
    termRenewalOn: date('term_renewal_on'),
    chairName: text('chair_name'),
    phone: text('phone'),
    headcount: integer('headcount'),
    mergedUnion: boolean('merged_union'),
    address: text('address'),
    status: text('status').notNull().default('active'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('orgs_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('orgs_parent_idx').on(t.parentId),
    index('orgs_name_idx').on(t.name),
  ],
);

/** Work units (单位/关联企业) served by a base or joint union. */
export const workUnits = pgTable(
  'work_units',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    uscc: text('uscc'),
    usccCheckFailed: boolean('uscc_check_failed').notNull().default(false),
    orgCode: text('org_code'),
    nature: text('nature').notNull(),
    economicType: text('economic_type').notNull(),
    industry: text('industry'),
    chairName: text('chair_name'),
    phone: text('phone'),
    address: text('address'),
    collectiveBargaining: boolean('collective_bargaining'),
    contractExpiresOn: date('contract_expires_on'),
    headcount: integer('headcount'),
    migrantHeadcount: integer('migrant_headcount'),
    remark: text('remark'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('work_units_org_idx').on(t.orgId), index('work_units_org_code_idx').on(t.orgCode)],
);
