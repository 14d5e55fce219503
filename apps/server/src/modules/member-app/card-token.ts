import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Keys } from '../../config.js';
import { safeEqual } from '../../platform/crypto.js';

/** How long a QR code on the member card proves membership; the app refreshes it while open. */
export const CARD_TOKEN_TTL_MS = 2 * 60_000;

/**
 * The card-token key is derived from the index key (HKDF with its own label), so no new secret
 * has to be configured and a leaked card key reveals nothing of the blind indexes.
 */
export function cardTokenKey(keys: Keys): Buffer {
  return Buffer.from(hkdfSync('sha256', keys.indexKey, Buffer.alloc(0), 'gonghui/member-card-token/v1', 32));
}

const mac = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

/**
 * `payload.mac`: the payload names the membership (a random id, never the document number), an
 * expiry and a nonce (two codes shown in the same second still differ, so a photographed one is
 * recognisable as a copy of that moment's code).
 */
export function signCardToken(key: Buffer, membershipId: string, now: Date): { token: string; expiresAt: Date } {
  const expiresAt = new Date(now.getTime() + CARD_TOKEN_TTL_MS);
  const payload = Buffer.from(JSON.stringify({ v: 1, m: membershipId, e: Math.floor(expiresAt.getTime() / 1000), n: randomBytes(8).toString('base64url') })).toString('base64url');
  return { token: `${payload}.${mac(key, payload)}`, expiresAt };
}

export type CardTokenCheck = { result: 'valid'; membershipId: string } | { result: 'expired' } | { result: 'invalid' };

/** Checks the signature first (a forged token is invalid, whatever expiry it claims), then the expiry. */
export function checkCardToken(key: Buffer, token: string, now: Date): CardTokenCheck {
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !safeEqual(parts[1], mac(key, parts[0]))) return { result: 'invalid' };
  let body: { v?: unknown; m?: unknown; e?: unknown };
  try {
    body = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
  } catch {
    return { result: 'invalid' };
  }
  if (body.v !== 1 || typeof body.m !== 'string' || typeof body.e !== 'number') return { result: 'invalid' };
  if (body.e * 1000 <= now.getTime()) return { result: 'expired' };
  return { result: 'valid', membershipId: body.m };
}
