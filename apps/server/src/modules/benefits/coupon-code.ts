import { randomInt } from 'node:crypto';

/**
 * E-coupon codes (券码) a merchant can type when a scan fails: 12 characters of Crockford's base32
 * (digits and capitals without I, L, O, U), 60 random bits, shown as XXXX-XXXX-XXXX. Guessing one
 * is hopeless (and the typed-code endpoint is rate-limited); typing one is easy: case, spaces and
 * dashes do not matter and the letters people confuse with digits are read as those digits.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const COUPON_CODE_LENGTH = 12;

export function newCouponCode(): string {
  let s = '';
  for (let i = 0; i < COUPON_CODE_LENGTH; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

/** The stored form of a typed code, or null when it cannot be one. */
export function normaliseCouponCode(typed: string): string | null {
  const s = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== COUPON_CODE_LENGTH) return null;
  for (const c of s) if (!ALPHABET.includes(c)) return null;
  return s;
}

/** XXXX-XXXX-XXXX, as the member's coupon page shows it. */
export const formatCouponCode = (code: string) => code.replace(/(.{4})(?=.)/g, '$1-');

/** XXXX-****-XXXX: enough for the merchant and the member to tell which coupon, not enough to use it. */
export const maskCouponCode = (code: string) => `${code.slice(0, 4)}-****-${code.slice(-4)}`;
