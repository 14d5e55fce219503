import { StringDecoder } from 'node:string_decoder';
import { Transform, type Readable } from 'node:stream';
import type yauzl from 'yauzl';
import { entriesOf, openZip, streamOf } from './zip-read.js';
import { rewriteZip } from './zip-rewrite.js';

/**
 * Writes a workbook back with one extra column on one sheet, everything else byte for byte
 * (formatting, drop-downs, other sheets): the person who uploaded it gets their own file back
 * with an answer beside each row. Streams entry by entry and row by row, so a 100,000-row
 * sheet is never held in memory, and is far cheaper than re-serialising the workbook.
 */
export interface AnnotateOptions {
  sheetName: string;
  /** 1-based column index of the new column. */
  column: number;
  header: string;
  /** The text for a data row, asked in ascending row order; undefined leaves the row alone. */
  noteFor: (rowNo: number) => Promise<string | undefined>;
}

const colName = (n: number) => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};
const colIndex = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
const escapeXml = (s: string) =>
  s
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

async function textOf(zip: yauzl.ZipFile, e: yauzl.Entry): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of await streamOf(zip, e)) parts.push(c as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

/** The zip path of a sheet, by name, through the workbook and its relationships. */
async function sheetPath(zip: yauzl.ZipFile, entries: yauzl.Entry[], name: string): Promise<string | undefined> {
  const wb = entries.find((e) => e.fileName === 'xl/workbook.xml');
  const rels = entries.find((e) => e.fileName === 'xl/_rels/workbook.xml.rels');
  if (!wb || !rels) return undefined;
  const sheetTag = [...(await textOf(zip, wb)).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${escapeXml(name)}"`));
  const rid = sheetTag?.match(/\br:id="([^"]+)"/)?.[1] ?? sheetTag?.match(/:id="([^"]+)"/)?.[1];
  if (!rid) return undefined;
  const rel = [...(await textOf(zip, rels)).matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${rid}"`));
  const target = rel?.match(/Target="([^"]+)"/)?.[1];
  if (!target) return undefined;
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** Puts `cell` into a row's XML at its column's place (replacing a cell already there). */
function withCell(rowXml: string, column: number, cell: string): string {
  const open = rowXml.indexOf('>') + 1;
  const close = rowXml.lastIndexOf('</');
  const body = rowXml.slice(open, close);
  const cells = [...body.matchAll(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)];
  let at = body.length;
  let end = body.length;
  for (const m of cells) {
    const ref = m[0].match(/\br="([A-Z]+)\d+"/)?.[1];
    if (ref && colIndex(ref) >= column) {
      at = m.index!;
      end = colIndex(ref) === column ? m.index! + m[0].length : m.index!;
      break;
    }
  }
  let head = rowXml.slice(0, open);
  // `spans` is a hint of the row's first and last columns; keep it true.
  head = head.replace(/\bspans="(\d+):(\d+)"/, (_s, a, b) => `spans="${a}:${Math.max(Number(b), column)}"`);
  return head + body.slice(0, at) + cell + body.slice(end) + rowXml.slice(close);
}

/** Adds the column to the sheet XML as it streams through. */
function annotateSheetXml(opts: AnnotateOptions): Transform {
  const letters = colName(opts.column);
  const decoder = new StringDecoder('utf8');
  let buf = '';
  let rowCount = 0;
  const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;

  async function rewrite(final: boolean): Promise<string> {
    let out = '';
    for (;;) {
      const start = buf.indexOf('<row');
      if (start < 0) {
        // The sheet's head (with its column widths) is small: hold it until the first row.
        if (!final && !colsDone) return out;
        // Keep a tail that might be the start of a "<row" split across chunks.
        const keep = final ? 0 : Math.min(buf.length, 4);
        out += fixCols(buf.slice(0, buf.length - keep));
        buf = buf.slice(buf.length - keep);
        return out;
      }
      const tagEnd = buf.indexOf('>', start);
      if (tagEnd < 0) break;
      const selfClosing = buf[tagEnd - 1] === '/';
      const end = selfClosing ? tagEnd + 1 : buf.indexOf('</row>', tagEnd);
      if (end < 0) break;
      const stop = selfClosing ? end : end + '</row>'.length;
      out += fixCols(buf.slice(0, start));
      let row = buf.slice(start, stop);
      buf = buf.slice(stop);
      rowCount++;
      const rowNo = Number(row.match(/^<row\b[^>]*?\br="(\d+)"/)?.[1] ?? rowCount);
      const text = rowNo === 1 ? opts.header : await opts.noteFor(rowNo);
      if (text !== undefined && !selfClosing) row = withCell(row, opts.column, inline(`${letters}${rowNo}`, text));
      out += row;
    }
    if (final) {
      out += buf;
      buf = '';
    }
    return out;
  }

  // A width for the new column, unless the sheet already sizes that column.
  let colsDone = false;
  function fixCols(xml: string): string {
    if (colsDone) return xml;
    const m = xml.match(/<cols>([\s\S]*?)<\/cols>/);
    if (m) {
      colsDone = true;
      const covered = [...m[1].matchAll(/\bmax="(\d+)"/g)].some((x) => Number(x[1]) >= opts.column);
      if (covered) return xml;
      return xml.replace('</cols>', `<col min="${opts.column}" max="${opts.column}" width="60" customWidth="1"/></cols>`);
    }
    if (xml.includes('<sheetData')) {
      colsDone = true;
      return xml.replace('<sheetData', `<cols><col min="${opts.column}" max="${opts.column}" width="60" customWidth="1"/></cols><sheetData`);
    }
    return xml;
  }

  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      buf += decoder.write(chunk);
      rewrite(false).then((s) => done(null, s), done);
    },
    flush(done) {
      buf += decoder.end();
      rewrite(true).then((s) => done(null, s), done);
    },
  });
}

/** Streams the annotated workbook; rejects if the sheet is not in the file. */
export async function annotateWorkbook(reader: yauzl.RandomAccessReader, size: number, opts: AnnotateOptions): Promise<Readable> {
  const zip = await openZip(reader, size);
  const entries = await entriesOf(zip);
  const target = await sheetPath(zip, entries, opts.sheetName);
  if (!target) {
    zip.close();
    throw new Error(`sheet ${opts.sheetName} not found`);
  }
  return rewriteZip(zip, entries, (e, s) => (e.fileName === target ? s.pipe(annotateSheetXml(opts)) : s));
}
