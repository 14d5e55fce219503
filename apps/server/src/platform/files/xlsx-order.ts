import type { Readable } from 'node:stream';
import type yauzl from 'yauzl';
import { entriesOf, openZip } from './zip-read.js';
import { rewriteZip } from './zip-rewrite.js';

/**
 * ExcelJS's streaming reader reads a zip front to back. It parks a worksheet met before both the
 * shared strings and the workbook's relationships in a temp file, but parses one met after them
 * at once, and that needs the workbook part already read; a sheet between those parts and
 * xl/workbook.xml fails with "Cannot read properties of undefined (reading 'sheets')". Excel
 * writes the workbook part first; ExcelJS itself, and other tools, do not always (the order of
 * its own output varies from run to run), so such a file is put in order before it is read.
 */
const LEADING = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'];
const rank = (name: string) => {
  const at = LEADING.indexOf(name);
  return at < 0 ? LEADING.length : at;
};
const isSheet = (name: string) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name);

/** Whether ExcelJS's streaming reader can take the entries in this order. */
export function inReadingOrder(names: string[]): boolean {
  const strings = names.indexOf('xl/sharedStrings.xml');
  const rels = names.indexOf('xl/_rels/workbook.xml.rels');
  // Without either part every sheet is parked until the end, when everything has been read.
  if (strings < 0 || rels < 0) return true;
  const parsedFrom = Math.max(strings, rels);
  const workbook = names.indexOf('xl/workbook.xml');
  return !names.some((n, i) => isSheet(n) && i > parsedFrom && i < workbook);
}

/**
 * The workbook as a stream a streaming reader can take: `original()` when its parts are already
 * in reading order (no extra work, the usual case), else a copy with the leading parts moved to
 * the front and every other part in its own order, streamed, never whole in memory.
 */
export async function xlsxForStreaming(reader: yauzl.RandomAccessReader, size: number, original: () => Readable): Promise<Readable> {
  const zip = await openZip(reader, size);
  let entries: yauzl.Entry[];
  try {
    entries = await entriesOf(zip);
  } catch (e) {
    zip.close();
    throw e;
  }
  if (inReadingOrder(entries.map((e) => e.fileName))) {
    zip.close();
    return original();
  }
  // A stable sort: the parts after the leading ones keep the order they were written in.
  const ordered = entries.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e.fileName) - rank(b.e.fileName) || a.i - b.i).map((x) => x.e);
  return rewriteZip(zip, ordered);
}
