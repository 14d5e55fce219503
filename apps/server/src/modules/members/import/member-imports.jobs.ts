import { chinaToday, importKindLabels, normalizeIdNumber, type ImportKind } from '@gonghui/contracts';
import { recordAudit, type Actor } from '../../../platform/audit/audit.js';
import type { Crypto } from '../../../platform/crypto.js';
import type { Readable } from 'node:stream';
import type { DbOrTx, Tx } from '../../../db/client.js';
import type { Deps } from '../../../platform/deps.js';
import { AppError } from '../../../platform/errors.js';
import { UnsafeFileError } from '../../../platform/files/xlsx-guard.js';
import { xlsxForStreaming } from '../../../platform/files/xlsx-order.js';
import { SheetError, readMemberSheet, type ParsedMemberRow } from './member-sheet.parser.js';
import { readTransferSheet, type ParsedTransferRow } from './transfer-sheet.parser.js';
import * as repo from './member-imports.repository.js';
import { CHECK_QUEUE, COMMIT_QUEUE, IMPORT_RETENTION_DAYS, MAX_IMPORT_ROWS, storedFileOf } from './member-imports.service.js';

const BATCH = 2000;
const SYSTEM_FAILURE = '系统处理出错，未写入任何会员数据；请稍后重新提交，如仍失败请联系上级单位';

/** A parsed row as the staging table keeps it: numbers encrypted, with their blind indexes. */
function staged(crypto: Crypto, r: ParsedMemberRow): repo.StagedRow {
  const m = r.member;
  return {
    rowNo: r.rowNo,
    verdict: m ? 'new' : 'error',
    message: m ? '' : r.errors.join('；'),
    idType: m?.idType ?? null,
    idNumberEnc: m ? crypto.encrypt(m.idNumber) : null,
    idIndex: m ? crypto.blindIndex('id', normalizeIdNumber(m.idNumber)) : null,
    name: m?.name ?? r.name,
    sex: m?.sex ?? null,
    birthDate: m?.birthDate ?? null,
    phoneEnc: m?.phone ? crypto.encrypt(m.phone) : null,
    phoneIndex: m?.phone ? crypto.blindIndex('phone', m.phone) : null,
    education: m?.education ?? null,
    householdType: m?.householdType ?? null,
    migrantWorker: m?.migrantWorker ?? null,
    skillLevel: m?.skillLevel ?? null,
    address: m?.address ?? null,
    unionPost: m?.unionPost ?? null,
    workUnitId: m?.workUnitId ?? null,
    joinedOn: m?.joinedOn ?? null,
    remark: m?.remark ?? null,
  };
}

/** Streams the stored workbook through the row checks into the staging table, a batch at a time. */
async function stageFile<R>(deps: Deps, task: repo.ImportRow, read: (input: Readable) => AsyncGenerator<R>, toStaged: (crypto: Crypto, r: R) => repo.StagedRow): Promise<void> {
  const stored = storedFileOf(task, task.fileSize!);
  if (!(await deps.files.verify(task.id, stored))) throw new UnsafeFileError('上传的文件在服务器上已损坏或丢失，请重新上传');
  const input = await xlsxForStreaming(deps.files.zipReader(task.id, stored), stored.size, () => deps.files.openRange(task.id, stored));
  const rows = read(input);
  let batch: repo.StagedRow[] = [];
  let processed = 0;
  // One batch is written while the next is parsed: the parser (Node) and the inserts (the
  // database) then use a core each instead of taking turns.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    const rowsToWrite = batch;
    batch = [];
    await writing;
    writing = (async () => {
      await repo.stageRows(deps.executeSql, task.id, rowsToWrite);
      processed += rowsToWrite.length;
      await repo.setProgress(deps.db, task.id, processed);
    })();
    // Never leave a failed write unobserved while parsing goes on.
    writing.catch(() => {});
  };
  for await (const r of rows) {
    batch.push(toStaged(deps.crypto, r));
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  await writing;
}

/** A transfer-in row as staged: the person named, found later by classification. */
function stagedTransfer(crypto: Crypto, r: ParsedTransferRow): repo.StagedRow {
  const ok = r.errors.length === 0 && r.idNumber !== null;
  return {
    rowNo: r.rowNo,
    verdict: ok ? 'new' : 'error',
    message: ok ? '' : r.errors.join('；'),
    idType: ok ? r.idType : null,
    idNumberEnc: ok ? crypto.encrypt(r.idNumber!) : null,
    idIndex: ok ? crypto.blindIndex('id', r.idNumber!) : null,
    name: r.name,
    sex: null,
    birthDate: null,
    phoneEnc: null,
    phoneIndex: null,
    education: null,
    householdType: null,
    migrantWorker: null,
    skillLevel: null,
    address: null,
    unionPost: null,
    workUnitId: null,
    joinedOn: null,
    remark: r.reason,
  };
}

/**
 * Submits one transfer for a committed transfer-in row. The transfers module provides it at
 * start-up (it owns transfers and their reviews; this module only runs the task).
 */
export type TransferSubmitter = (tx: Tx, deps: Deps, actor: Actor, task: repo.ImportRow, row: { membershipId: string; reason: string }) => Promise<string>;
let submitTransfer: TransferSubmitter | undefined;
export function setTransferSubmitter(fn: TransferSubmitter): void {
  submitTransfer = fn;
}

const isUsersFault = (e: unknown) => e instanceof SheetError || e instanceof UnsafeFileError;

/** The check job: idempotent, so a retry after a crash starts the task's rows over. */
export async function runCheck(deps: Deps, importId: string): Promise<void> {
  const task = await repo.transition(deps.db, importId, ['queued', 'checking'], { status: 'checking', processed: 0, error: null });
  if (!task) return;
  const units = task.kind === 'template' ? await repo.workUnitIdsByName(deps.db, task.orgId) : undefined;
  const stage = async () => {
    await repo.clearRows(deps.db, importId);
    if (task.kind === 'template') await stageFile(deps, task, (input) => readMemberSheet(input, { workUnits: units!, maxRows: MAX_IMPORT_ROWS }), staged);
    else if (task.kind === 'transfer_in') await stageFile(deps, task, readTransferSheet, stagedTransfer);
    else await repo.stageOrgCodeCandidates(deps.db, importId, task.orgId, task.fileName.replace(/^组织机构代码 /, ''));
  };
  try {
    try {
      await stage();
    } catch (e) {
      // A fault of ours (ExcelJS's streaming reader has failed, rarely and only under load, with
      // "reading 'sheets'" on a file that reads fine the next time; a dropped connection) gets one
      // more try from the stored file before the task fails. The user's own faults are final.
      if (isUsersFault(e)) throw e;
      console.warn(`member import ${importId} staging failed, trying once more:`, (e as Error).message);
      await stage();
    }
    await repo.analyzeRows(deps.db);
    await classify(deps.db, task);
    const c = await repo.countVerdicts(deps.db, importId);
    const total = c.new + c.update + c.conflict + c.error;
    if (task.kind === 'org_code' && total === 0) {
      await repo.transition(deps.db, importId, ['checking'], { status: 'failed', error: '会员库中没有绑定此组织机构代码、且尚未加入本工会的人员' });
      return;
    }
    await repo.transition(deps.db, importId, ['checking'], {
      status: 'ready',
      processed: total,
      total,
      newCount: c.new,
      updateCount: c.update,
      conflictCount: c.conflict,
      errorCount: c.error,
    });
  } catch (e) {
    // A whole-file problem is the user's to fix and says so; anything else is ours, said plainly.
    const known = isUsersFault(e);
    if (!known) console.error(`member import ${importId} check failed:`, (e as Error).message);
    await repo.clearRows(deps.db, importId);
    await repo.transition(deps.db, importId, ['checking'], { status: 'failed', error: known ? (e as Error).message : SYSTEM_FAILURE });
  }
}

const classify = (db: DbOrTx, task: repo.ImportRow) => (task.kind === 'transfer_in' ? repo.classifyTransferRows(db, task.id, task.orgId) : repo.classifyRows(db, task.id, task.orgId));

/**
 * Each valid row becomes a transfer under review. A row whose member changed since the preview
 * (now transferring elsewhere, say) is refused alone, in a savepoint, with the reason.
 */
async function commitTransfers(tx: Tx, deps: Deps, actor: Actor, task: repo.ImportRow): Promise<void> {
  if (!submitTransfer) throw new Error('no transfer submitter registered');
  for (const row of await repo.transferRowsToCommit(tx, task.id)) {
    try {
      const reviewer = await tx.transaction((sp) => submitTransfer!(sp as Tx, deps, actor, task, row));
      await repo.setRowOutcome(tx, task.id, row.rowNo, 'new', `已提交转会申请，等待「${reviewer}」审核`);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      await repo.setRowOutcome(tx, task.id, row.rowNo, 'conflict', e.message);
    }
  }
}

/** The commit job: everything in one transaction, so it either all lands or none of it does. */
export async function runCommit(deps: Deps, importId: string, actor: Actor): Promise<void> {
  try {
    await deps.db.transaction(async (tx) => {
      const task = await repo.lockImport(tx, importId);
      if (!task || task.status !== 'committing') return;
      const kind = task.kind as ImportKind;
      await classify(tx, task);
      if (kind === 'transfer_in') await commitTransfers(tx, deps, actor, task);
      else await repo.commitRows(tx, importId, task.orgId, task.submittedBy, chinaToday(deps.now()), `${importKindLabels[kind]}（${task.fileName}）`);
      const c = await repo.countVerdicts(tx, importId);
      await repo.transition(tx, importId, ['committing'], { status: 'done', committedAt: deps.now(), newCount: c.new, updateCount: c.update, conflictCount: c.conflict, errorCount: c.error });
      if (kind === 'org_code') await repo.releaseSource(tx, importId);
      await recordAudit(tx, deps.config.keys.auditKey, actor, {
        action: 'member.imported',
        objectType: 'member_import',
        objectId: importId,
        orgId: task.orgId,
        after: { fileName: task.fileName, added: c.new, updated: c.update, skippedConflicts: c.conflict, skippedErrors: c.error },
      });
    });
  } catch (e) {
    console.error(`member import ${importId} commit failed:`, (e as Error).message);
    await repo.transition(deps.db, importId, ['committing'], { status: 'ready', error: '确认导入时系统出错，未写入任何数据；请稍后再次确认导入' });
  }
}

export async function registerImportWorkers(deps: Deps): Promise<void> {
  await deps.jobs.work<{ importId: string }>(CHECK_QUEUE, (d) => runCheck(deps, d.importId));
  await deps.jobs.work<{ importId: string; actor: Actor }>(COMMIT_QUEUE, (d) => runCommit(deps, d.importId, d.actor));
}

/** Deletes uploads and staged rows past their retention (the task itself stays in the list). */
export async function purgeExpiredImports(deps: Deps, now: Date = deps.now()): Promise<number> {
  const expired = await repo.expireImports(deps.db, new Date(now.getTime() - IMPORT_RETENTION_DAYS * 86_400_000));
  for (const t of expired) await deps.files.remove(t.id);
  return expired.length;
}

/** Runs the purge now and every six hours; idempotent, so several servers may all run it. */
export function startImportPurge(deps: Deps): { stop(): void } {
  const run = () => purgeExpiredImports(deps).catch((e) => console.error('member import purge failed:', (e as Error).message));
  const first = setTimeout(run, 10_000);
  const timer = setInterval(run, 6 * 3600_000);
  first.unref();
  timer.unref();
  return { stop: () => (clearTimeout(first), clearInterval(timer)) };
}
