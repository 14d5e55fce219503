import { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** Random access to a zip held in memory (small files, tests), as yauzl reads stored uploads. */
export function bufferReader(buf: Buffer): yauzl.RandomAccessReader {
  class FromBuffer extends yauzl.RandomAccessReader {
    _readStreamForRange(start: number, end: number): Readable {
      return Readable.from([buf.subarray(start, end)]);
    }
  }
  return new FromBuffer();
}
