import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Keys } from '../config.js';

/**
 * Short-lived bearer tokens shown as QR codes (the member card, an e-coupon): the payload is
 * sealed with AES-256-GCM, so a token is both signed (any change fails authentication) and opaque
 * (whoever photographs the QR learns no ID or code). Each purpose has its own key derived from the
 * index key by HKDF with its own label: no new secret to configure, a token of one purpose never
 * opens as another's, and a leaked token key reveals nothing of the blind indexes.
 */
export function tokenKey(keys: Keys, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', keys.indexKey, Buffer.alloc(0), label, 32));
}

const VERSION = 2;

/**
 * Seals `subject` (an opaque id) with an expiry. The random IV makes two tokens issued in the same
 * second differ, so a photographed code is recognisable as a copy of that moment's code.
 */
export function issueToken(key: Buffer, subject: string, now: Date, ttlMs: number): { token: string; expiresAt: Date } {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify({ v: VERSION, s: subject, e: Math.floor(expiresAt.getTime() / 1000) }), 'utf8'), cipher.final()]);
  return { token: Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url'), expiresAt };
}

export type TokenCheck = { result: 'valid'; subject: string } | { result: 'expired' } | { result: 'invalid' };

/** Authenticates first (a forged or altered token is invalid, whatever expiry it claims), then checks the expiry. */
export function checkToken(key: Buffer, token: string, now: Date): TokenCheck {
  if (!/^[A-Za-z0-9_-]{40,400}$/.test(token)) return { result: 'invalid' };
  const raw = Buffer.from(token, 'base64url');
  let body: { v?: unknown; s?: unknown; e?: unknown };
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    body = JSON.parse(Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8'));
  } catch {
    return { result: 'invalid' };
  }
  if (body.v !== VERSION || typeof body.s !== 'string' || typeof body.e !== 'number') return { result: 'invalid' };
  if (body.e * 1000 <= now.getTime()) return { result: 'expired' };
  return { result: 'valid', subject: body.s };
}
