import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Keys } from '../config.js';

/** Field encryption (AES-256-GCM) and keyed blind indexes for personal numbers. */
export interface Crypto {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Keyed HMAC of a normalised value: exact lookup without a brute-forceable plain hash. */
  blindIndex(kind: string, value: string): string;
  /** Keyed hash for secrets we only compare (activation codes, SMS codes). */
  secretHash(kind: string, value: string): string;
}

export function createCrypto(keys: Keys): Crypto {
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keys.dataKeys[keys.currentDataKeyId], iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${keys.currentDataKeyId}:${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64')}`;
    },
    decrypt(stored) {
      const sep = stored.indexOf(':');
      const key = keys.dataKeys[stored.slice(0, sep)];
      if (!key) throw new Error('unknown data key id');
      const buf = Buffer.from(stored.slice(sep + 1), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
      decipher.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8');
    },
    blindIndex(kind, value) {
      return createHmac('sha256', keys.indexKey).update(`${kind}\u0000${value}`).digest('base64url');
    },
    secretHash(kind, value) {
      return createHmac('sha256', keys.indexKey).update(`secret\u0000${kind}\u0000${value}`).digest('base64url');
    },
  };
}

export const sha256 = (v: string) => createHash('sha256').update(v).digest('base64url');
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
