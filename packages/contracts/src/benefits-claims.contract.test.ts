import { describe, expect, it } from 'vitest';
import { idempotencyKeySchema, newIdempotencyKey } from './benefits-claims.contract.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newIdempotencyKey', () => {
  it('gives a fresh UUID v4 the server accepts, each time', () => {
    const keys = new Set(Array.from({ length: 100 }, newIdempotencyKey));
    expect(keys.size).toBe(100);
    for (const k of keys) {
      expect(k).toMatch(UUID_V4);
      expect(idempotencyKeySchema.safeParse(k).success).toBe(true);
    }
  });

  it('still gives one on a plain-HTTP page, where the browser has no crypto.randomUUID', () => {
    // An own property shadows the prototype's method; deleting it brings the method back.
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const a = newIdempotencyKey();
      const b = newIdempotencyKey();
      expect(a).toMatch(UUID_V4);
      expect(b).not.toBe(a);
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(typeof crypto.randomUUID).toBe('function');
  });
});
