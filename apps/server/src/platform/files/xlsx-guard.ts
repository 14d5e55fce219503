import type yauzl from 'yauzl';
import { entriesOf, openZip, streamOf } from './zip-read.js';

/** A file refused before any of it is interpreted; the message says why, in plain Chinese. */
export class UnsafeFileError extends Error {}

export interface XlsxLimits {
  /** Total bytes after inflating every entry. */
  maxInflatedBytes: number;
  maxEntries: number;
}

export const defaultXlsxLimits: XlsxLimits = { maxInflatedBytes: 400 * 1024 * 1024, maxEntries: 2000 };

const ZIP = Buffer.from('504b0304', 'hex');
const OLE = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const BOMB = '文件解压后体积异常（可能是“压缩炸弹”），已拒绝处理；请使用下载的会员信息采集表重新填写';
const NOT_XLSX = '文件不是 Excel 工作簿（.xlsx），请使用下载的会员信息采集表';

/** What the first bytes say the file is. */
export function sniff(head: Buffer, size: number): void {
  if (size === 0) throw new UnsafeFileError('文件是空的（0 字节），请选择填写好的会员信息采集表');
  if (head.subarray(0, 8).equals(OLE))
    throw new UnsafeFileError('这是旧版 Excel（.xls）文件或设置了打开密码的文件：请在 Excel 中取消密码并“另存为 Excel 工作簿(*.xlsx)”后再上传');
  if (!head.subarray(0, 4).equals(ZIP)) {
    const text = head.toString('utf8');
    if (/^[\uFEFF]?[^\u0000-\u0008]*[,\t]/.test(text) && !text.includes('\u0000')) throw new UnsafeFileError('这是文本或 CSV 文件，不是 Excel 工作簿（.xlsx）：请使用下载的会员信息采集表填写');
    throw new UnsafeFileError(NOT_XLSX);
  }
}

/**
 * Checks an .xlsx before a parser sees it: the declared sizes from the central directory first
 * (nothing inflated), then every entry inflated with a running byte budget, so a bomb that lies
 * about its sizes is stopped after at most `maxInflatedBytes` and never held in memory.
 */
export async function guardXlsx(head: Buffer, reader: yauzl.RandomAccessReader, size: number, limits: XlsxLimits = defaultXlsxLimits): Promise<void> {
  sniff(head, size);
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(reader, size);
  } catch {
    throw new UnsafeFileError('文件已损坏或不完整，无法作为 Excel 工作簿打开；请重新保存后上传');
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw new UnsafeFileError(BOMB);
    const entries = await entriesOf(zip).catch(() => {
      throw new UnsafeFileError('文件已损坏或不完整，无法作为 Excel 工作簿打开；请重新保存后上传');
    });
    const names = new Set(entries.map((e) => e.fileName));
    if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw new UnsafeFileError(NOT_XLSX);
    if (entries.some((e) => (e.generalPurposeBitFlag & 1) !== 0)) throw new UnsafeFileError('文件设置了密码，请在 Excel 中取消密码后再上传');
    const declared = entries.reduce((s, e) => s + e.uncompressedSize, 0);
    if (declared > limits.maxInflatedBytes) throw new UnsafeFileError(BOMB);
    let inflated = 0;
    for (const e of entries) {
      if (e.fileName.endsWith('/')) continue;
      const stream = await streamOf(zip, e);
      try {
        for await (const chunk of stream) {
          inflated += (chunk as Buffer).length;
          if (inflated > limits.maxInflatedBytes) throw new UnsafeFileError(BOMB);
        }
      } catch (err) {
        stream.destroy();
        if (err instanceof UnsafeFileError) throw err;
        // yauzl refuses an entry that inflates to more (or less) than it declared.
        throw new UnsafeFileError(/too many|too few|size/i.test(String((err as Error).message)) ? BOMB : '文件已损坏或不完整，无法作为 Excel 工作簿打开；请重新保存后上传');
      }
    }
  } finally {
    zip.close();
  }
}
