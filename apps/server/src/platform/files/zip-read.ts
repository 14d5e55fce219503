import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** A zip read through random access, checking each entry inflates to exactly its declared size. */
export const openZip = (reader: yauzl.RandomAccessReader, size: number) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromRandomAccessReader(reader, size, { lazyEntries: true, validateEntrySizes: true, autoClose: false }, (err, zip) => (err ? reject(err) : resolve(zip))),
  );

/** Every entry of the central directory (nothing inflated). */
export const entriesOf = (zip: yauzl.ZipFile) =>
  new Promise<yauzl.Entry[]>((resolve, reject) => {
    const all: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      all.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(all));
    zip.on('error', reject);
    zip.readEntry();
  });

/** One entry's inflated bytes as a stream. */
export const streamOf = (zip: yauzl.ZipFile, e: yauzl.Entry) =>
  new Promise<Readable>((resolve, reject) => zip.openReadStream(e, (err, s) => (err ? reject(err) : resolve(s))));
