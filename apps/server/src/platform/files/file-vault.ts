import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import type { Keys } from '../../config.js';

/** How an encrypted file is found and checked again. */
export interface StoredFile {
  keyId: string;
  iv: string;
  mac: string;
  size: number;
  /** Keyed hash of the plain bytes: recognises the same file without saying anything about it. */
  contentHash: string;
}

export class FileTooLargeError extends Error {}

const derive = (key: Buffer, info: string) => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), info, 32));

/** The counter block for a 16-byte block offset: AES-CTR lets us decrypt any range (zip reading). */
function counterAt(iv: Buffer, block: number): Buffer {
  const out = Buffer.from(iv);
  let carry = block;
  for (let i = 15; i >= 0 && carry > 0; i--) {
    const sum = out[i] + (carry % 256);
    out[i] = sum % 256;
    carry = Math.floor(carry / 256) + Math.floor(sum / 256);
  }
  return out;
}

/** Drops the first `n` bytes of a stream. */
function skipBytes(n: number): Transform {
  let left = n;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (left >= chunk.length) {
        left -= chunk.length;
        return done();
      }
      const rest = chunk.subarray(left);
      left = 0;
      done(null, rest);
    },
  });
}

/**
 * Uploaded files at rest: encrypted with AES-256-CTR under a key derived from the current data
 * key, then MACed (HMAC-SHA256 over the ciphertext). CTR rather than GCM because zip files are
 * read at random offsets; the MAC is checked before a file is used.
 */
export class FileVault {
  constructor(
    private readonly dir: string,
    private readonly keys: Keys,
  ) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  private path(id: string) {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad file id');
    return join(this.dir, `${id}.bin`);
  }
  private encKey(keyId: string) {
    const k = this.keys.dataKeys[keyId];
    if (!k) throw new Error('unknown data key id');
    return derive(k, 'gonghui-file-enc-v1');
  }
  private macKey(keyId: string) {
    return derive(this.keys.dataKeys[keyId], 'gonghui-file-mac-v1');
  }

  /** Encrypts a stream to disk; refuses (and removes) anything past `maxBytes`. */
  async store(id: string, source: Readable, maxBytes: number): Promise<StoredFile> {
    const keyId = this.keys.currentDataKeyId;
    const iv = randomBytes(16);
    const cipher = createCipheriv('aes-256-ctr', this.encKey(keyId), iv);
    const mac = createHmac('sha256', this.macKey(keyId)).update(iv);
    const hash = createHmac('sha256', derive(this.keys.indexKey, 'gonghui-file-hash-v1'));
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new FileTooLargeError());
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const macTap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        mac.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, cipher, macTap, createWriteStream(this.path(id), { mode: 0o600 }));
    } catch (e) {
      await this.remove(id);
      throw e;
    }
    return { keyId, iv: iv.toString('base64'), mac: mac.digest('base64'), size, contentHash: hash.digest('base64url') };
  }

  /** Whether the file on disk is the one stored (not truncated, swapped or altered). */
  async verify(id: string, f: StoredFile): Promise<boolean> {
    try {
      if ((await stat(this.path(id))).size !== f.size) return false;
      const mac = createHmac('sha256', this.macKey(f.keyId)).update(Buffer.from(f.iv, 'base64'));
      for await (const chunk of createReadStream(this.path(id))) mac.update(chunk as Buffer);
      return timingSafeEqual(mac.digest(), Buffer.from(f.mac, 'base64'));
    } catch {
      return false;
    }
  }

  /** The plain bytes from `start` (inclusive) to `end` (exclusive). */
  openRange(id: string, f: StoredFile, start = 0, end = f.size): Readable {
    const block = Math.floor(start / 16);
    const decipher = createDecipheriv('aes-256-ctr', this.encKey(f.keyId), counterAt(Buffer.from(f.iv, 'base64'), block));
    const out = skipBytes(start - block * 16);
    if (end <= start) {
      out.end();
      return out;
    }
    pipeline(createReadStream(this.path(id), { start: block * 16, end: end - 1 }), decipher, out).catch((e) => out.destroy(e));
    return out;
  }

  /** The first `n` plain bytes (fewer for a shorter file): what the file says it is (magic bytes). */
  async head(id: string, f: StoredFile, n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const c of this.openRange(id, f, 0, Math.min(n, f.size))) parts.push(c as Buffer);
    return Buffer.concat(parts);
  }

  /** Random access to the plain bytes, for reading the file as a zip. */
  zipReader(id: string, f: StoredFile): yauzl.RandomAccessReader {
    const vault = this;
    class Decrypting extends yauzl.RandomAccessReader {
      _readStreamForRange(start: number, end: number): Readable {
        return vault.openRange(id, f, start, end);
      }
    }
    return new Decrypting();
  }

  async remove(id: string): Promise<void> {
    await rm(this.path(id), { force: true });
  }
}
