import { and, asc, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx, ExecuteSql } from '../../../db/client.js';
import { rowsOf } from '../../../db/client.js';
import { accounts } from '../../accounts/accounts.table.js';
import { escapeLike, orgs, workUnits } from '../../organisations/index.js';
import { memberImportRows, memberImports } from './member-imports.table.js';

export type ImportRow = typeof memberImports.$inferSelect;
export type ImportInsert = typeof memberImports.$inferInsert;

/** A checked row ready for the staging table: values already encrypted. */
export interface StagedRow {
  rowNo: number;
  verdict: 'new' | 'error';
  message: string;
  idType: string | null;
  idNumberEnc: string | null;
  idIndex: string | null;
  name: string | null;
  sex: string | null;
  birthDate: string | null;
  phoneEnc: string | null;
  phoneIndex: string | null;
  education: string | null;
  householdType: string | null;
  migrantWorker: boolean | null;
  skillLevel: string | null;
  address: string | null;
  unionPost: string | null;
  workUnitId: string | null;
  joinedOn: string | null;
  remark: string | null;
}

/** Inserts a task unless a live one for the same union and source exists; undefined then. */
export async function insertImportUnlessLive(db: DbOrTx, values: ImportInsert): Promise<ImportRow | undefined> {
  const [row] = await db.insert(memberImports).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findLiveImportBySource(db: DbOrTx, orgId: string, sourceHash: string): Promise<ImportRow | undefined> {
  const [row] = await db
    .select()
    .from(memberImports)
    .where(and(eq(memberImports.orgId, orgId), eq(memberImports.sourceHash, sourceHash), sql`${memberImports.status} not in ('failed', 'cancelled')`));
  return row;
}

/** The task, locked for the rest of the transaction (one commit at a time). */
export async function lockImport(db: DbOrTx, id: string): Promise<ImportRow | undefined> {
  const [row] = await db.select().from(memberImports).where(eq(memberImports.id, id)).for('update');
  return row;
}

/** The union's work units by name, for the template's 所在单位 column. */
export async function workUnitIdsByName(db: DbOrTx, orgId: string): Promise<Map<string, string>> {
  const units = await db.select({ id: workUnits.id, name: workUnits.name }).from(workUnits).where(eq(workUnits.orgId, orgId));
  return new Map(units.map((u) => [u.name, u.id]));
}

const taskColumns = { t: memberImports, orgName: orgs.name, submittedBy: accounts.name };

/** A task with its union's and submitter's names, if the union lies in the subtree. */
export async function findImportInScope(db: DbOrTx, id: string, scopePath: string) {
  const [row] = await db
    .select(taskColumns)
    .from(memberImports)
    .innerJoin(orgs, eq(orgs.id, memberImports.orgId))
    .innerJoin(accounts, eq(accounts.id, memberImports.submittedBy))
    .where(and(eq(memberImports.id, id), sql`${orgs.path} like ${escapeLike(scopePath) + '%'}`));
  return row;
}
export type ImportJoined = NonNullable<Awaited<ReturnType<typeof findImportInScope>>>;

export interface ImportSearch {
  status?: string;
  kind?: string;
  orgId?: string;
  /** Timestamps bounding submission. */
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

export async function searchImports(db: DbOrTx, scopePath: string, f: ImportSearch) {
  const where = and(
    sql`${orgs.path} like ${escapeLike(scopePath) + '%'}`,
    f.status ? eq(memberImports.status, f.status) : undefined,
    f.kind ? eq(memberImports.kind, f.kind) : undefined,
    f.orgId ? eq(memberImports.orgId, f.orgId) : undefined,
    f.from ? gte(memberImports.submittedAt, f.from) : undefined,
    f.to ? lt(memberImports.submittedAt, f.to) : undefined,
  );
  const [{ total }] = await db.select({ total: count() }).from(memberImports).innerJoin(orgs, eq(orgs.id, memberImports.orgId)).where(where);
  const items = await db
    .select(taskColumns)
    .from(memberImports)
    .innerJoin(orgs, eq(orgs.id, memberImports.orgId))
    .innerJoin(accounts, eq(accounts.id, memberImports.submittedBy))
    .where(where)
    .orderBy(desc(memberImports.submittedAt), asc(memberImports.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items, total };
}

/** Moves a task from one status to another; undefined when it was not in `from` (someone else moved it). */
export async function transition(db: DbOrTx, id: string, from: string[], patch: Partial<ImportInsert> & { status: string }): Promise<ImportRow | undefined> {
  const [row] = await db
    .update(memberImports)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(memberImports.id, id), sql`${memberImports.status} in ${from}`))
    .returning();
  return row;
}

export async function setProgress(db: DbOrTx, id: string, processed: number): Promise<void> {
  await db.update(memberImports).set({ processed, updatedAt: new Date() }).where(eq(memberImports.id, id));
}

export async function clearRows(db: DbOrTx, importId: string): Promise<void> {
  await db.delete(memberImportRows).where(eq(memberImportRows.importId, importId));
}

const stagedColumns: [keyof StagedRow, string][] = [
  ['rowNo', 'int4'],
  ['verdict', 'text'],
  ['message', 'text'],
  ['idType', 'text'],
  ['idNumberEnc', 'text'],
  ['idIndex', 'text'],
  ['name', 'text'],
  ['sex', 'text'],
  ['birthDate', 'date'],
  ['phoneEnc', 'text'],
  ['phoneIndex', 'text'],
  ['education', 'text'],
  ['householdType', 'text'],
  ['migrantWorker', 'bool'],
  ['skillLevel', 'text'],
  ['address', 'text'],
  ['unionPost', 'text'],
  ['workUnitId', 'uuid'],
  ['joinedOn', 'date'],
  ['remark', 'text'],
];
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const stageSql = `insert into member_import_rows (import_id, ${stagedColumns.map(([k]) => snake(k)).join(', ')})
  select $1::uuid, * from unnest(${stagedColumns.map(([, t], i) => `$${i + 2}::${t}[]`).join(', ')})`;

/** A batch of rows into the staging table in one statement (one array parameter per column). */
export async function stageRows(executeSql: ExecuteSql, importId: string, rows: StagedRow[]): Promise<void> {
  if (rows.length === 0) return;
  await executeSql(stageSql, [importId, ...stagedColumns.map(([k]) => rows.map((r) => r[k]))]);
}

/**
 * Candidates of an organisation-code import (seed 002 4.1 3): persons whose latest membership
 * was at a work unit carrying that code and who are not members of this union now. Copied into
 * the staging table with no personal fields, so committing changes nothing about the person.
 */
export async function stageOrgCodeCandidates(db: DbOrTx, importId: string, orgId: string, orgCode: string): Promise<void> {
  await db.execute(sql`
    insert into member_import_rows (import_id, row_no, verdict, message, id_type, id_number_enc, id_index, name, work_unit_id)
    select ${importId}::uuid, row_number() over (order by c.name, c.person_id)::int, 'new', '', c.id_type, c.id_number_enc, c.id_index, c.name,
           (select w.id from work_units w where w.org_id = ${orgId}::uuid and w.org_code = ${orgCode} order by w.name limit 1)
    from (
      select distinct on (p.id) p.id as person_id, p.id_type, p.id_number_enc, p.id_index, p.name
      from persons p
      join memberships m on m.person_id = p.id
      join work_units w on w.id = m.work_unit_id
      where w.org_code = ${orgCode}
        and not exists (select 1 from memberships mine where mine.person_id = p.id and mine.org_id = ${orgId}::uuid and mine.status <> 'transferred_out')
      order by p.id, m.created_at desc
    ) c`);
}

/**
 * Decides every row that passed its checks: a second row with the same document is an error
 * naming the first; a known person who is a current member here is an update, a member of
 * another union a conflict naming it, anyone else new. Run at preview and again at commit.
 */
/** A document named again later in the file: the later rows are errors that point at the first. */
async function markRepeatedDocuments(db: DbOrTx, importId: string): Promise<void> {
  // Only the later duplicates come out of the window, usually none: the join stays small whatever the plan.
  await db.execute(sql`
    update member_import_rows r set verdict = 'error', message = '证件号码与第' || d.first || '行重复'
    from (select row_no, first from (
            select row_no, min(row_no) over (partition by id_type, id_index) as first
            from member_import_rows where import_id = ${importId} and verdict = 'new') w
          where row_no > first) d
    where r.import_id = ${importId} and r.row_no = d.row_no`);
}

export async function classifyRows(db: DbOrTx, importId: string, orgId: string): Promise<void> {
  await db.execute(sql`
    update member_import_rows r set verdict = 'new', message = '', person_id = null, membership_id = null, member_no = null
    where r.import_id = ${importId} and (r.verdict in ('update', 'conflict') or (r.verdict = 'new' and r.person_id is not null))`);
  await markRepeatedDocuments(db, importId);
  await db.execute(sql`
    update member_import_rows r set
      person_id = p.id,
      membership_id = m.id,
      -- Another union's member number is its business, not this preview's.
      member_no = case when m.org_id = ${orgId}::uuid then m.member_no end,
      verdict = case when m.id is null then case when p.name <> r.name then 'error' else 'new' end
                     when m.org_id = ${orgId}::uuid then 'update' else 'conflict' end,
      message = case when m.id is null then case when p.name <> r.name then '该证件号码已登记的姓名与填写的不一致，请核对' else '' end
                     when m.org_id = ${orgId}::uuid then ''
                     else '此人已是「' || o.name || '」的会员，请通过转会办理' end
    from persons p
    left join memberships m on m.person_id = p.id and m.status <> 'transferred_out'
    left join orgs o on o.id = m.org_id
    where r.import_id = ${importId} and r.verdict = 'new' and p.id_type = r.id_type and p.id_index = r.id_index`);
}

/** Fresh statistics for the staging table, so the set-based statements that follow get hash joins, not nested loops. */
export async function analyzeRows(db: DbOrTx): Promise<void> {
  await db.execute(sql`analyze member_import_rows`);
}

export interface Counts {
  new: number;
  update: number;
  conflict: number;
  error: number;
}

export async function countVerdicts(db: DbOrTx, importId: string): Promise<Counts> {
  const rows = rowsOf<{ verdict: keyof Counts; n: number }>(
    await db.execute(sql`select verdict, count(*)::int as n from member_import_rows where import_id = ${importId} group by verdict`),
  );
  const c: Counts = { new: 0, update: 0, conflict: 0, error: 0 };
  for (const r of rows) c[r.verdict] = r.n;
  return c;
}

/**
 * Writes every new and update row in one transaction, in set-based statements that never read
 * back what they wrote: persons (with the ids staged for them), memberships (numbers from the
 * sequence, in row order) together with their first history event, and the updates. Rows that
 * lost a race since the preview (the person joined elsewhere meanwhile) stay unwritten and are
 * marked as conflicts.
 */
export async function commitRows(tx: DbOrTx, importId: string, orgId: string, actorAccountId: string, today: string, reason: string): Promise<void> {
  // Persons known already: refresh what the file gives, keep what it leaves blank. (Rows from
  // an organisation code carry no person fields, sex included: they leave the person alone.)
  await tx.execute(sql`
    update persons p set
      phone_enc = coalesce(r.phone_enc, p.phone_enc), phone_index = coalesce(r.phone_index, p.phone_index),
      education = coalesce(r.education, p.education), household_type = coalesce(r.household_type, p.household_type),
      migrant_worker = coalesce(r.migrant_worker, p.migrant_worker), skill_level = coalesce(r.skill_level, p.skill_level),
      address = coalesce(r.address, p.address), updated_at = now()
    from member_import_rows r
    where r.import_id = ${importId} and r.verdict in ('new', 'update') and r.person_id = p.id and r.sex is not null`);
  await tx.execute(sql`
    insert into persons (id, id_type, id_number_enc, id_index, name, sex, birth_date, phone_enc, phone_index, education, household_type, migrant_worker, skill_level, address)
    select new_person_id, id_type, id_number_enc, id_index, name, sex, birth_date, phone_enc, phone_index, education, household_type, migrant_worker, skill_level, address
    from member_import_rows where import_id = ${importId} and verdict = 'new' and person_id is null
    on conflict (id_type, id_index) do nothing`);
  // The join to persons drops a row whose new person lost a race to the same document.
  await tx.execute(sql`
    with ins as (
      insert into memberships (person_id, org_id, member_no, work_unit_id, union_post, joined_on, status, remark)
      select s.pid, ${orgId}::uuid, nextval('member_no_seq')::text, s.work_unit_id, s.union_post, s.joined_on, 'joined', s.remark
      from (select p.id as pid, r.work_unit_id, r.union_post, coalesce(r.joined_on, ${today}::date) as joined_on, r.remark
            from member_import_rows r join persons p on p.id = coalesce(r.person_id, r.new_person_id)
            where r.import_id = ${importId} and r.verdict = 'new' order by r.row_no) s
      on conflict (person_id) where status <> 'transferred_out' do nothing
      returning id, joined_on)
    insert into membership_events (membership_id, from_status, to_status, "on", reason, actor_account_id)
    select id, null, 'joined', joined_on, ${reason}, ${actorAccountId}::uuid from ins`);
  await tx.execute(sql`
    update member_import_rows r set verdict = 'conflict', message = '确认导入前此人已加入其他工会，未导入'
    where r.import_id = ${importId} and r.verdict = 'new'
      and not exists (select 1 from memberships m where m.person_id = coalesce(r.person_id, r.new_person_id) and m.org_id = ${orgId}::uuid and m.status <> 'transferred_out')`);
  await tx.execute(sql`
    update memberships m set
      work_unit_id = coalesce(r.work_unit_id, m.work_unit_id), union_post = coalesce(r.union_post, m.union_post),
      joined_on = coalesce(r.joined_on, m.joined_on), remark = coalesce(r.remark, m.remark),
      version = m.version + 1, updated_at = now()
    from member_import_rows r
    where r.import_id = ${importId} and r.verdict = 'update' and m.id = r.membership_id`);
}

/** A row's member number: the one it had (update) or, once committed, the one it got (new). */
const memberNoOf = (orgId: string) =>
  // Qualified by hand: drizzle leaves a one-table select's columns bare, and inside the subquery
  // a bare person_id or member_no would mean the membership's.
  sql<string | null>`coalesce(member_import_rows.member_no, (select m.member_no from memberships m
    where m.person_id = coalesce(member_import_rows.person_id, member_import_rows.new_person_id) and m.org_id = ${orgId}::uuid and m.status <> 'transferred_out'))`;

export interface RowSearch {
  verdict?: string;
  page: number;
  pageSize: number;
}

export async function listRows(db: DbOrTx, importId: string, orgId: string, f: RowSearch) {
  const where: SQL | undefined = and(eq(memberImportRows.importId, importId), f.verdict ? eq(memberImportRows.verdict, f.verdict) : undefined);
  const [{ total }] = await db.select({ total: count() }).from(memberImportRows).where(where);
  const items = await db
    .select({
      rowNo: memberImportRows.rowNo,
      verdict: memberImportRows.verdict,
      message: memberImportRows.message,
      name: memberImportRows.name,
      idType: memberImportRows.idType,
      idNumberEnc: memberImportRows.idNumberEnc,
      memberNo: memberNoOf(orgId),
    })
    .from(memberImportRows)
    .where(where)
    .orderBy(asc(memberImportRows.rowNo))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items, total };
}

/** Verdicts in row order from `afterRowNo`, a batch at a time (the result workbook's merge). */
export async function rowVerdicts(db: DbOrTx, importId: string, orgId: string, afterRowNo: number, limit: number) {
  return db
    .select({ rowNo: memberImportRows.rowNo, verdict: memberImportRows.verdict, message: memberImportRows.message, memberNo: memberNoOf(orgId) })
    .from(memberImportRows)
    .where(and(eq(memberImportRows.importId, importId), sql`${memberImportRows.rowNo} > ${afterRowNo}`))
    .orderBy(asc(memberImportRows.rowNo))
    .limit(limit);
}

/** Org-code tasks, once done, release their source so a later lookup can find persons added since. */
export async function releaseSource(db: DbOrTx, id: string): Promise<void> {
  await db.execute(sql`update member_imports set source_hash = source_hash || ':' || id::text where id = ${id}`);
}

/**
 * Tasks whose personal data has outlived its use: finished (or abandoned at the preview) before
 * `before`, with an upload or staged rows still kept. Abandoned previews are cancelled.
 */
export async function expireImports(db: DbOrTx, before: Date): Promise<{ id: string; kind: string }[]> {
  const rows = rowsOf<{ id: string; kind: string }>(
    await db.execute(sql`
      update member_imports set
        status = case when status = 'ready' then 'cancelled' else status end,
        file_iv = null, file_mac = null, file_key_id = null, file_size = null, updated_at = now()
      where updated_at < ${before} and status in ('done', 'failed', 'cancelled', 'ready')
        and (file_iv is not null or exists (select 1 from member_import_rows r where r.import_id = member_imports.id))
      returning id, kind`),
  );
  if (rows.length > 0) await db.execute(sql`delete from member_import_rows where import_id in ${rows.map((r) => r.id)}`);
  return rows;
}

/**
 * Verdicts for a transfer-in file: each row must name, by document and name, a current member
 * of another union who may transfer now. Rows that cannot are errors (nobody to transfer) or
 * conflicts (already here, already transferring), each saying why.
 */
export async function classifyTransferRows(db: DbOrTx, importId: string, orgId: string): Promise<void> {
  await db.execute(sql`
    update member_import_rows r set verdict = 'new', message = '', person_id = null, membership_id = null, member_no = null
    where r.import_id = ${importId} and (r.verdict in ('new', 'conflict') or (r.verdict = 'error' and r.id_index is not null))`);
  await markRepeatedDocuments(db, importId);
  // Nobody with this document: name nothing about who might be meant.
  await db.execute(sql`
    update member_import_rows r set verdict = 'error', message = '会员库中没有此人：姓名与证件号码须与会员库一致；新会员请用“新增会员”或“模板导入会员”'
    where r.import_id = ${importId} and r.verdict = 'new'
      and not exists (select 1 from persons p where p.id_type = r.id_type and p.id_index = r.id_index and p.name = r.name)`);
  await db.execute(sql`
    update member_import_rows r set
      person_id = p.id,
      membership_id = m.id,
      member_no = case when m.org_id = ${orgId}::uuid then m.member_no end,
      verdict = case when m.id is null then 'error'
                     when m.org_id = ${orgId}::uuid or m.status = 'transferring' then 'conflict'
                     when m.status not in ('joined', 'transferred_in', 'retained') then 'error'
                     else 'new' end,
      message = case when m.id is null then '此人目前不是任何工会的会员，请用“新增会员”办理入会'
                     when m.org_id = ${orgId}::uuid then '已是本工会会员'
                     when m.status = 'transferring' then '此人已有转会申请在审核中'
                     when m.status not in ('joined', 'transferred_in', 'retained') then '此人当前的会籍状态不能办理转会'
                     else '可转入：确认后提交转会申请，由「' || o.name || '」审核' end
    from persons p
    left join memberships m on m.person_id = p.id and m.status <> 'transferred_out'
    left join orgs o on o.id = m.org_id
    where r.import_id = ${importId} and r.verdict = 'new' and p.id_type = r.id_type and p.id_index = r.id_index and p.name = r.name`);
}

/** The rows a transfer-in commit submits, in file order. */
export async function transferRowsToCommit(db: DbOrTx, importId: string) {
  return rowsOf<{ row_no: number; membership_id: string; remark: string | null }>(
    await db.execute(sql`select row_no, membership_id, remark from member_import_rows where import_id = ${importId} and verdict = 'new' order by row_no`),
  ).map((r) => ({ rowNo: Number(r.row_no), membershipId: r.membership_id, reason: r.remark ?? '批量转入' }));
}

export async function setRowOutcome(db: DbOrTx, importId: string, rowNo: number, verdict: 'new' | 'conflict', message: string): Promise<void> {
  await db.execute(sql`update member_import_rows set verdict = ${verdict}, message = ${message} where import_id = ${importId} and row_no = ${rowNo}`);
}

/** The union's transfer-in task still in progress, if any (one at a time). */
export async function findLiveTransferImport(db: DbOrTx, orgId: string): Promise<ImportRow | undefined> {
  const [row] = await db
    .select()
    .from(memberImports)
    .where(and(eq(memberImports.orgId, orgId), eq(memberImports.kind, 'transfer_in'), sql`${memberImports.status} in ('queued', 'checking', 'ready', 'committing')`));
  return row;
}
