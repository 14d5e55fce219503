import type { Keys } from '../../config.js';
import { checkToken, issueToken, tokenKey } from '../../platform/short-lived-token.js';

/** How long a QR code on the member card proves membership; the app refreshes it while open. */
export const CARD_TOKEN_TTL_MS = 2 * 60_000;

/** The card's own token key (platform/short-lived-token.ts derives one per purpose). */
export function cardTokenKey(keys: Keys): Buffer {
  return tokenKey(keys, 'gonghui/member-card-token/v1');
}

/** A sealed token naming the membership (a random id, never the document number) and its expiry. */
export function signCardToken(key: Buffer, membershipId: string, now: Date): { token: string; expiresAt: Date } {
  return issueToken(key, membershipId, now, CARD_TOKEN_TTL_MS);
}

export type CardTokenCheck = { result: 'valid'; membershipId: string } | { result: 'expired' } | { result: 'invalid' };

export function checkCardToken(key: Buffer, token: string, now: Date): CardTokenCheck {
  const c = checkToken(key, token, now);
  return c.result === 'valid' ? { result: 'valid', membershipId: c.subject } : c;
}
