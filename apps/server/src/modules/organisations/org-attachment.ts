import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { MAX_AFFILIATION_FILE_BYTES } from '@gonghui/contracts';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { FileTooLargeError, type StoredFile } from '../../platform/files/file-vault.js';
import { entriesOf, openZip } from '../../platform/files/zip-read.js';

/** An uploaded explanation (情况说明) as org_changes.attachment keeps it. */
export interface OrgAttachment extends StoredFile {
  fileId: string;
  name: string;
  mime: string;
}

const kinds: Record<string, { mime: string; magic: (head: Buffer) => boolean }> = {
  pdf: { mime: 'application/pdf', magic: (h) => h.subarray(0, 5).toString('latin1') === '%PDF-' },
  png: { mime: 'image/png', magic: (h) => h.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')) },
  jpg: { mime: 'image/jpeg', magic: (h) => h.subarray(0, 3).equals(Buffer.from('ffd8ff', 'hex')) },
  jpeg: { mime: 'image/jpeg', magic: (h) => h.subarray(0, 3).equals(Buffer.from('ffd8ff', 'hex')) },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: (h) => h.subarray(0, 4).equals(Buffer.from('504b0304', 'hex')) },
};
const REJECT = '情况说明只能是 PDF、图片（JPG、PNG）或 Word（.docx）文件';

/** A .docx must be a real Word package: its directory names the document; it is never inflated here. */
async function checkDocx(deps: Deps, id: string, f: StoredFile): Promise<void> {
  let zip;
  try {
    zip = await openZip(deps.files.zipReader(id, f), f.size);
  } catch {
    throw new AppError('FILE_REJECTED', undefined, 'Word 文件已损坏，无法打开');
  }
  try {
    if (zip.entryCount > 1000) throw new AppError('FILE_REJECTED', undefined, REJECT);
    const names = new Set((await entriesOf(zip)).map((e) => e.fileName));
    if (!names.has('[Content_Types].xml') || !names.has('word/document.xml')) throw new AppError('FILE_REJECTED', undefined, '文件不是 Word（.docx）文档');
  } finally {
    zip.close();
  }
}

/** A file name fit to show: no path, no control characters, bounded. */
const displayName = (raw: string) => (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001F\u007F]/g, '').trim().slice(0, 120) || '情况说明';

/**
 * Stores an explanation encrypted, after checking (SECURITY.md) its extension, size and magic
 * bytes; refuses with the reason and keeps nothing otherwise.
 */
export async function storeExplanation(deps: Deps, file: { filename?: string; stream: Readable }): Promise<OrgAttachment> {
  const ext = /\.([^.\\/]{1,10})$/.exec(file.filename ?? '')?.[1]?.toLowerCase() ?? '';
  const kind = kinds[ext];
  if (!kind) {
    file.stream.resume();
    throw new AppError('FILE_REJECTED', undefined, `${REJECT}${ext ? `（所选文件为 .${ext}）` : ''}`);
  }
  const id = randomUUID();
  let stored: StoredFile;
  try {
    stored = await deps.files.store(id, file.stream, MAX_AFFILIATION_FILE_BYTES);
  } catch (e) {
    if (e instanceof FileTooLargeError || (e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('FILE_TOO_LARGE', undefined, `情况说明不能超过 ${MAX_AFFILIATION_FILE_BYTES / 1024 / 1024} MB`);
    throw e;
  }
  try {
    if (stored.size === 0) throw new AppError('FILE_REJECTED', undefined, '文件是空的（0 字节）');
    const head = await deps.files.head(id, stored, 16);
    if (!kind.magic(head)) throw new AppError('FILE_REJECTED', undefined, `文件内容与扩展名 .${ext} 不符，${REJECT}`);
    if (ext === 'docx') await checkDocx(deps, id, stored);
  } catch (e) {
    await deps.files.remove(id);
    throw e;
  }
  return { ...stored, fileId: id, name: displayName(file.filename ?? ''), mime: kind.mime };
}
