import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  importKindLabels,
  importStatusLabels,
  isBaseUnionKind,
  maskIdNumber,
  type ImportKind,
  type ImportStatus,
  type ImportTask,
  type ImportVerdict,
} from '@gonghui/contracts';
import type { z } from 'zod';
import type { importRowQuerySchema, importTaskQuerySchema } from '@gonghui/contracts';
import { recordAudit, type Actor } from '../../../platform/audit/audit.js';
import type { ScopedCaller } from '../../../platform/auth-context.js';
import type { Deps } from '../../../platform/deps.js';
import { AppError } from '../../../platform/errors.js';
import { FileTooLargeError, type StoredFile } from '../../../platform/files/file-vault.js';
import { annotateWorkbook } from '../../../platform/files/xlsx-annotate.js';
import { guardXlsx, UnsafeFileError } from '../../../platform/files/xlsx-guard.js';
import { getOrgInScope } from '../../organisations/index.js';
import { DATA_SHEET, templateColumns } from './member-template.js';
import { buildTransferTemplate, TRANSFER_SHEET, transferColumns } from './transfer-template.js';
import * as repo from './member-imports.repository.js';

export const CHECK_QUEUE = 'member-import-check';
export const COMMIT_QUEUE = 'member-import-commit';
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;
/** How long an upload and its row-by-row results are kept after the task last changed. */
export const IMPORT_RETENTION_DAYS = 30;

export function storedFileOf(t: repo.ImportRow, size: number): StoredFile {
  return { keyId: t.fileKeyId!, iv: t.fileIv!, mac: t.fileMac!, size, contentHash: t.sourceHash };
}

function toTask(r: repo.ImportJoined): ImportTask {
  const t = r.t;
  return {
    id: t.id,
    orgId: t.orgId,
    orgName: r.orgName,
    kind: t.kind as ImportKind,
    fileName: t.fileName,
    status: t.status as ImportStatus,
    processed: t.processed,
    counts: { total: t.total, new: t.newCount, update: t.updateCount, conflict: t.conflictCount, error: t.errorCount },
    error: t.error,
    submittedBy: r.submittedBy,
    submittedAt: t.submittedAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    committedAt: t.committedAt?.toISOString() ?? null,
    hasResultFile: t.kind !== 'org_code' && t.fileIv !== null && (t.status === 'ready' || t.status === 'done'),
  };
}

/** What a row will do, or did, in the words the preview and the result workbook both use. */
export function outcomeText(kind: ImportKind, committed: boolean, verdict: ImportVerdict, message: string, memberNo: string | null): string {
  // A transfer row's message already says what will happen or happened (and which union reviews).
  if (kind === 'transfer_in') return verdict === 'new' ? message : `${committed ? '未转入' : verdict === 'conflict' ? '冲突' : '错误'}：${message}`;
  if (committed) {
    if (verdict === 'new') return `已新增，会员编号 ${memberNo}`;
    if (verdict === 'update') return `已更新，会员编号 ${memberNo}`;
    return `未导入：${message}`;
  }
  if (verdict === 'new') return '校验通过，确认导入后新增';
  if (verdict === 'update') return `已是本工会会员（会员编号 ${memberNo}），确认导入后更新其信息`;
  return `${verdict === 'conflict' ? '冲突' : '错误'}：${message}`;
}

async function taskInScope(deps: Deps, caller: ScopedCaller, id: string) {
  const r = await repo.findImportInScope(deps.db, id, caller.scopePath);
  if (!r) throw new AppError('NOT_FOUND');
  return r;
}

async function baseUnionInScope(deps: Deps, caller: ScopedCaller, orgId: string) {
  const org = await getOrgInScope(deps.db, caller, orgId);
  if (!isBaseUnionKind(org.kind)) throw new AppError('NOT_A_BASE_UNION');
  if (org.status !== 'active') throw new AppError('ORG_REVOKED');
  return org;
}

/** A file name fit to show: no path, no control characters, bounded. */
function displayName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001F\u007F]/g, '').trim().slice(0, 120);
  return clean || '会员信息采集表.xlsx';
}

/**
 * Takes an uploaded workbook: stores it encrypted, refuses at once what is not a safe .xlsx
 * (with the reason), and queues the check. The same file for the same union finds its task.
 */
export async function submitUpload(
  deps: Deps,
  caller: ScopedCaller,
  actor: Actor,
  orgId: string,
  readFile: () => Promise<{ filename?: string; stream: Readable }>,
  kind: 'template' | 'transfer_in' = 'template',
) {
  const org = await baseUnionInScope(deps, caller, orgId);
  const file = await readFile();
  // The name first (SECURITY.md: extension and magic bytes); nothing of the body is kept.
  const ext = /\.([^.\\/]{1,10})$/.exec(file.filename ?? '')?.[1]?.toLowerCase();
  if (ext !== 'xlsx') {
    file.stream.resume();
    throw new AppError('FILE_REJECTED', undefined, `只能上传 .xlsx 格式的${kind === 'template' ? '会员信息采集表' : '转入会员表'}${ext ? `（所选文件为 .${ext}）` : ''}`);
  }
  const id = randomUUID();
  let stored: StoredFile;
  try {
    stored = await deps.files.store(id, file.stream, MAX_UPLOAD_BYTES);
  } catch (e) {
    if (e instanceof FileTooLargeError || (e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('FILE_TOO_LARGE');
    throw e;
  }
  try {
    await guardXlsx(await deps.files.head(id, stored, 16), deps.files.zipReader(id, stored), stored.size);
  } catch (e) {
    await deps.files.remove(id);
    if (e instanceof UnsafeFileError) throw new AppError('FILE_REJECTED', undefined, e.message);
    throw e;
  }
  const fileName = displayName(file.filename);
  const created = await repo.insertImportUnlessLive(deps.db, {
    id,
    orgId,
    kind,
    fileName,
    sourceHash: stored.contentHash,
    fileIv: stored.iv,
    fileMac: stored.mac,
    fileKeyId: stored.keyId,
    fileSize: stored.size,
    status: 'queued',
    submittedBy: caller.accountId,
  });
  if (!created) {
    await deps.files.remove(id);
    const live = await repo.findLiveImportBySource(deps.db, orgId, stored.contentHash);
    if (live) return { task: toTask(await taskInScope(deps, caller, live.id)), duplicate: true };
    const busy = kind === 'transfer_in' ? await repo.findLiveTransferImport(deps.db, orgId) : undefined;
    if (busy) throw new AppError('TRANSFER_IMPORT_BUSY', undefined, `本工会上一批转入（${busy.fileName}，${importStatusLabels[busy.status as ImportStatus]}）尚未处理完，请确认导入或取消后再导入下一批`);
    throw new AppError('CONFLICT');
  }
  await recordAudit(deps.db, deps.config.keys.auditKey, actor, {
    action: 'member.import_submitted',
    objectType: 'member_import',
    objectId: id,
    orgId,
    after: { kind: importKindLabels[kind], fileName, union: org.name },
  });
  await deps.jobs.send(CHECK_QUEUE, { importId: id });
  return { task: toTask(await taskInScope(deps, caller, id)), duplicate: false };
}

/** Starts an organisation-code import (seed 002 4.1 3): a lookup, previewed like a file. */
export async function submitOrgCode(deps: Deps, caller: ScopedCaller, actor: Actor, orgId: string, orgCode: string) {
  const org = await baseUnionInScope(deps, caller, orgId);
  const sourceHash = deps.crypto.blindIndex('import-org-code', orgCode);
  const fileName = `组织机构代码 ${orgCode}`;
  const created = await repo.insertImportUnlessLive(deps.db, { orgId, kind: 'org_code', fileName, sourceHash, status: 'queued', submittedBy: caller.accountId });
  if (!created) {
    const live = await repo.findLiveImportBySource(deps.db, orgId, sourceHash);
    if (!live) throw new AppError('CONFLICT');
    return { task: toTask(await taskInScope(deps, caller, live.id)), duplicate: true };
  }
  await recordAudit(deps.db, deps.config.keys.auditKey, actor, {
    action: 'member.import_submitted',
    objectType: 'member_import',
    objectId: created.id,
    orgId,
    after: { kind: importKindLabels.org_code, orgCode, union: org.name },
  });
  await deps.jobs.send(CHECK_QUEUE, { importId: created.id });
  return { task: toTask(await taskInScope(deps, caller, created.id)), duplicate: false };
}

const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);

export async function listImports(deps: Deps, caller: ScopedCaller, q: z.infer<typeof importTaskQuerySchema>) {
  const r = await repo.searchImports(deps.db, caller.scopePath, {
    status: q.status,
    kind: q.kind,
    orgId: q.orgId,
    from: q.from ? dayStart(q.from) : undefined,
    to: q.to ? new Date(dayStart(q.to).getTime() + 86_400_000) : undefined,
    page: q.page,
    pageSize: q.pageSize,
  });
  return { items: r.items.map(toTask), total: r.total, page: q.page, pageSize: q.pageSize };
}

export async function getImport(deps: Deps, caller: ScopedCaller, id: string): Promise<ImportTask> {
  return toTask(await taskInScope(deps, caller, id));
}

export async function listImportRows(deps: Deps, caller: ScopedCaller, id: string, q: z.infer<typeof importRowQuerySchema>) {
  const t = await taskInScope(deps, caller, id);
  const committed = t.t.status === 'done';
  const r = await repo.listRows(deps.db, id, t.t.orgId, q);
  return {
    items: r.items.map((x) => ({
      rowNo: x.rowNo,
      verdict: x.verdict as ImportVerdict,
      name: x.name,
      idNumberMasked: x.idNumberEnc ? maskIdNumber(deps.crypto.decrypt(x.idNumberEnc)) : null,
      message: outcomeText(t.t.kind as ImportKind, committed, x.verdict as ImportVerdict, x.message, x.memberNo),
      memberNo: x.memberNo,
    })),
    total: r.total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Confirms a previewed task; only one confirmation can win, and the writing runs in the background. */
export async function commitImport(deps: Deps, caller: ScopedCaller, actor: Actor, id: string): Promise<ImportTask> {
  const t = await taskInScope(deps, caller, id);
  if (t.t.status === 'ready' && t.t.newCount + t.t.updateCount === 0) throw new AppError('IMPORT_NOTHING_TO_COMMIT');
  const moved = await repo.transition(deps.db, id, ['ready'], { status: 'committing', error: null });
  if (!moved) throw new AppError('IMPORT_NOT_READY');
  await deps.jobs.send(COMMIT_QUEUE, { importId: id, actor });
  return toTask(await taskInScope(deps, caller, id));
}

export async function cancelImport(deps: Deps, caller: ScopedCaller, actor: Actor, id: string): Promise<ImportTask> {
  const t = await taskInScope(deps, caller, id);
  const moved = await repo.transition(deps.db, id, ['ready'], { status: 'cancelled' });
  if (!moved) throw new AppError('IMPORT_NOT_READY');
  await repo.clearRows(deps.db, id);
  if (t.t.kind === 'template') await deps.files.remove(id);
  await recordAudit(deps.db, deps.config.keys.auditKey, actor, { action: 'member.import_cancelled', objectType: 'member_import', objectId: id, orgId: t.t.orgId, after: { fileName: t.t.fileName } });
  return toTask(await taskInScope(deps, caller, id));
}

/**
 * The uploaded workbook back, with a column saying per row what will happen (before commit) or
 * what happened (after), merged in row order from the staging table a batch at a time.
 */
export async function resultWorkbook(deps: Deps, caller: ScopedCaller, id: string) {
  const r = await taskInScope(deps, caller, id);
  const task = toTask(r);
  if (!task.hasResultFile)
    throw new AppError('IMPORT_NOT_READY', undefined, r.t.fileIv === null ? `结果文件已按规定在${IMPORT_RETENTION_DAYS}天后删除` : '该任务暂无结果文件：校验完成后才能下载');
  const stored = storedFileOf(r.t, r.t.fileSize!);
  if (!(await deps.files.verify(id, stored))) throw new AppError('NOT_FOUND', undefined, '上传的文件已不在服务器上');
  const committed = r.t.status === 'done';
  let batch: Awaited<ReturnType<typeof repo.rowVerdicts>> = [];
  let at = 0;
  let last = 0;
  let exhausted = false;
  const noteFor = async (rowNo: number) => {
    for (;;) {
      while (at < batch.length && batch[at].rowNo < rowNo) at++;
      if (at < batch.length) {
        const v = batch[at];
        return v.rowNo === rowNo ? outcomeText(r.t.kind as ImportKind, committed, v.verdict as ImportVerdict, v.message, v.memberNo) : undefined;
      }
      if (exhausted) return undefined;
      batch = await repo.rowVerdicts(deps.db, id, r.t.orgId, last, 5000);
      at = 0;
      if (batch.length === 0) exhausted = true;
      else last = batch[batch.length - 1].rowNo;
    }
  };
  const transfer = r.t.kind === 'transfer_in';
  const stream = await annotateWorkbook(deps.files.zipReader(id, stored), stored.size, {
    sheetName: transfer ? TRANSFER_SHEET : DATA_SHEET,
    column: (transfer ? transferColumns : templateColumns([])).length + 1,
    header: committed ? '导入结果' : '校验结果',
    noteFor,
  });
  const base = r.t.fileName.replace(/\.xlsx$/i, '');
  return { stream, filename: `${base}_${committed ? '导入结果' : '校验结果'}.xlsx` };
}

/** The union's transfer-in template (seed 002 §4.2: name and document number). */
export async function transferTemplate(deps: Deps, caller: ScopedCaller, orgId: string) {
  const org = await baseUnionInScope(deps, caller, orgId);
  return { buffer: await buildTransferTemplate(org.name), filename: `${org.name}_转入会员表.xlsx` };
}
