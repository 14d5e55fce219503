import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';

/**
 * The CJK font for PDFs. It comes with `npm install` (Noto Sans SC, SIL OFL 1.1, packaged by
 * @fontsource), never from the system, which a fresh machine may lack. Its simplified-Chinese
 * file holds the ~8,000 characters in common use plus Latin letters and digits.
 *
 * The package ships WOFF. fontkit (inside PDFKit) re-inflates a WOFF table on every read, and a
 * subset reads the 1.4 MB glyph table once per glyph: ~20 s for one contract. Unwrapping the WOFF
 * into a plain TrueType font once, with Node's zlib, makes a contract take milliseconds.
 */
const require = createRequire(import.meta.url);
const PACKAGE = '@fontsource/noto-sans-sc';
const fileOf = (subset: string) => `${PACKAGE}/files/noto-sans-sc-${subset}-400-normal.woff`;
const MAIN = 'chinese-simplified';
const fonts = new Map<string, Buffer>();

/** The font of one subset ('chinese-simplified', or a numbered one), as TrueType, read once. */
export function cjkFont(subset = MAIN): Buffer {
  let f = fonts.get(subset);
  if (!f) fonts.set(subset, (f = woffToSfnt(readFileSync(require.resolve(fileOf(subset))))));
  return f;
}

let mainCharset: Set<number> | null = null;
let ranges: { from: number; to: number; subset: string }[] | null = null;

/**
 * Which subset draws a character: the main one for the ~8,000 common characters, else the
 * numbered subset @fontsource lists for its code point (a rarer character in a name, such as 喾),
 * else the main one, which draws an empty box: Noto Sans SC has no CJK Extension A/B characters
 * (䶮, 𠮷), so those need another font, which the platform does not ship yet.
 */
export function subsetFor(codePoint: number): string {
  mainCharset ??= new Set((fontkit.create(cjkFont()) as fontkit.Font).characterSet);
  if (mainCharset.has(codePoint)) return MAIN;
  ranges ??= Object.entries(JSON.parse(readFileSync(require.resolve(`${PACKAGE}/unicode.json`), 'utf8')) as Record<string, string>).flatMap(([key, list]) =>
    list.split(',').map((r) => {
      const [a, b] = r.replace('U+', '').split('-');
      return { from: parseInt(a, 16), to: parseInt(b ?? a, 16), subset: key.replace(/[[\]]/g, '') };
    }),
  );
  return ranges.find((r) => codePoint >= r.from && codePoint <= r.to && /^\d+$/.test(r.subset))?.subset ?? MAIN;
}

/** A text cut into runs of one subset each, in order. */
export function fontRuns(text: string): { subset: string; text: string }[] {
  const runs: { subset: string; text: string }[] = [];
  for (const ch of text) {
    const subset = subsetFor(ch.codePointAt(0)!);
    const last = runs.at(-1);
    if (last?.subset === subset) last.text += ch;
    else runs.push({ subset, text: ch });
  }
  return runs;
}

/** WOFF 1.0 → the SFNT (TrueType/OpenType) it wraps: same tables, inflated, 4-byte aligned. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF font');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(raw) : raw;
    if (data.length !== origLength) throw new Error('corrupt WOFF table');
    return { tag: woff.readUInt32BE(at), checksum: woff.readUInt32BE(at + 16), data };
  });
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const headerSize = 12 + numTables * 16;
  const size = tables.reduce((s, t) => s + ((t.data.length + 3) & ~3), headerSize);
  const out = Buffer.alloc(size);
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  let offset = headerSize;
  tables.forEach((t, i) => {
    const rec = 12 + i * 16;
    out.writeUInt32BE(t.tag, rec);
    out.writeUInt32BE(t.checksum, rec + 4);
    out.writeUInt32BE(offset, rec + 8);
    out.writeUInt32BE(t.data.length, rec + 12);
    t.data.copy(out, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return out;
}
