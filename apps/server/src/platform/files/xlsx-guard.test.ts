import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { guardXlsx, UnsafeFileError } from './xlsx-guard.js';

class BufferReader extends yauzl.RandomAccessReader {
  constructor(private readonly buf: Buffer) {
    super();
  }
  _readStreamForRange(start: number, end: number): Readable {
    return Readable.from([this.buf.subarray(start, end)]);
  }
}

async function zipOf(entries: Record<string, Buffer>): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, data] of Object.entries(entries)) z.addBuffer(data, name);
  z.end();
  const parts: Buffer[] = [];
  for await (const c of z.outputStream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

const guard = (buf: Buffer, limits = { maxInflatedBytes: 50_000, maxEntries: 10 }) => guardXlsx(buf.subarray(0, 16), new BufferReader(buf), buf.length, limits);
const minimal = { '[Content_Types].xml': Buffer.from('<Types/>'), 'xl/workbook.xml': Buffer.from('<workbook/>') };
const reason = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(UnsafeFileError);
  return (e as Error).message;
};

describe('guarding an .xlsx before it is parsed', () => {
  it('lets a small well-formed workbook through', async () => {
    await expect(guard(await zipOf(minimal))).resolves.toBeUndefined();
  });

  it('refuses by the declared sizes, and by the number of entries', async () => {
    expect(await reason(guard(await zipOf({ ...minimal, 'xl/worksheets/sheet1.xml': Buffer.alloc(60_000, 0x20) })))).toContain('压缩炸弹');
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`xl/x${i}.xml`, Buffer.from('x')]));
    expect(await reason(guard(await zipOf({ ...minimal, ...many })))).toContain('压缩炸弹');
  });

  it('stops an entry that inflates to more than it declared (a lying bomb)', async () => {
    const buf = await zipOf({ ...minimal, 'xl/worksheets/sheet1.xml': Buffer.alloc(40_000, 0x20) });
    // Rewrite the entry's uncompressed size (local header and central directory) to 100 bytes.
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    for (let at = buf.indexOf(name); at >= 0; at = buf.indexOf(name, at + 1)) {
      const local = buf.readUInt32LE(at - 30) === 0x04034b50;
      const central = buf.readUInt32LE(at - 46) === 0x02014b50;
      if (local) buf.writeUInt32LE(100, at - 30 + 22);
      if (central) buf.writeUInt32LE(100, at - 46 + 24);
    }
    expect(await reason(guard(buf))).toContain('压缩炸弹');
  });

  it('names what is not a workbook at all', async () => {
    expect(await reason(guard(await zipOf({ 'word/document.xml': Buffer.from('<w/>') })))).toContain('不是 Excel 工作簿');
    expect(await reason(guard(Buffer.from('PK\u0003\u0004 not really a zip at all, just text')))).toContain('已损坏');
  });
});
