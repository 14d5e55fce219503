import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { bufferReader } from './buffer-reader.js';
import { inReadingOrder, xlsxForStreaming } from './xlsx-order.js';


async function entries(buf: Buffer): Promise<{ name: string; data: Buffer }[]> {
  const zip = await new Promise<yauzl.ZipFile>((ok, fail) => yauzl.fromBuffer(buf, { lazyEntries: true }, (e, z) => (e ? fail(e) : ok(z))));
  const out: { name: string; data: Buffer }[] = [];
  await new Promise<void>((ok, fail) => {
    zip.on('entry', (e: yauzl.Entry) =>
      zip.openReadStream(e, async (err, s) => {
        if (err) return fail(err);
        const parts: Buffer[] = [];
        for await (const c of s) parts.push(c as Buffer);
        out.push({ name: e.fileName, data: Buffer.concat(parts) });
        zip.readEntry();
      }),
    );
    zip.on('end', ok);
    zip.readEntry();
  });
  return out;
}

async function zipOf(parts: { name: string; data: Buffer }[]): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const p of parts) if (!p.name.endsWith('/')) z.addBuffer(p.data, p.name);
  z.end();
  const chunks: Buffer[] = [];
  for await (const c of z.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function sheetsOf(input: Readable): Promise<Record<string, string[]>> {
  const seen: Record<string, string[]> = {};
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input as never, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore' });
  for await (const ws of reader) {
    const name = (ws as unknown as { name: string }).name;
    seen[name] = [];
    for await (const row of ws) seen[name].push(String((row.values as ExcelJS.CellValue[])[1]));
  }
  return seen;
}

describe('xlsx parts in reading order', () => {
  it('reads a workbook whose sheets sit between the shared strings and the workbook part', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('填写说明').addRow(['说明']);
    wb.addWorksheet('会员信息').addRows([['姓名'], ['王秀英'], ['李建国']]);
    const written = await entries(Buffer.from(await wb.xlsx.writeBuffer()));
    // The order ExcelJS's own writer sometimes produces: strings and rels, then sheets, workbook last.
    const rank = (n: string) => (n === 'xl/workbook.xml' ? 2 : /^xl\/worksheets\/sheet\d+\.xml$/.test(n) ? 1 : 0);
    const awkward = written.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p.name) - rank(b.p.name) || a.i - b.i).map((x) => x.p);
    const file = await zipOf(awkward);
    expect(inReadingOrder(awkward.map((p) => p.name))).toBe(false);

    const stream = await xlsxForStreaming(bufferReader(file), file.length, () => Readable.from([file]));
    expect(await sheetsOf(stream)).toEqual({ 填写说明: ['说明'], 会员信息: ['姓名', '王秀英', '李建国'] });
  });

  it('leaves a workbook already in reading order alone', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('会员信息').addRows([['姓名'], ['王秀英']]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const original = Readable.from([file]);
    const names = (await entries(file)).map((p) => p.name);
    expect(inReadingOrder(names)).toBe(true);
    expect(await xlsxForStreaming(bufferReader(file), file.length, () => original)).toBe(original);
  });

  it('knows the orders that work and the one that does not', () => {
    const S = 'xl/sharedStrings.xml';
    const R = 'xl/_rels/workbook.xml.rels';
    const W = 'xl/workbook.xml';
    const sheet = 'xl/worksheets/sheet1.xml';
    expect(inReadingOrder([W, R, S, sheet])).toBe(true); // as Excel writes
    expect(inReadingOrder([R, sheet, S, W])).toBe(true); // sheet parked until the end
    expect(inReadingOrder([R, sheet, W])).toBe(true); // no shared strings: parked
    expect(inReadingOrder([R, S, sheet, W])).toBe(false);
    expect(inReadingOrder([S, R, 'xl/worksheets/_rels/sheet1.xml.rels', sheet, W])).toBe(false);
  });
});
