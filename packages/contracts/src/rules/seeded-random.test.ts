import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.js';

describe('seededRandom', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = Array.from({ length: 5 }, seededRandom(1).next);
    const run = seededRandom(1);
    expect(Array.from({ length: 5 }, () => run.next())).toEqual(a);
    const other = seededRandom(2);
    expect(Array.from({ length: 5 }, () => other.next())).not.toEqual(a);
  });

  it('int stays within bounds and hits both ends; pick covers every item', () => {
    const rnd = seededRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const n = rnd.int(-2, 2);
      expect(n).toBeGreaterThanOrEqual(-2);
      expect(n).toBeLessThanOrEqual(2);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2].sort());
    const picked = new Set(Array.from({ length: 500 }, () => rnd.pick('abc')));
    expect(picked).toEqual(new Set(['a', 'b', 'c']));
    expect(rnd.pick([7])).toBe(7);
  });

  it('next is in [0, 1)', () => {
    const rnd = seededRandom(0);
    for (let i = 0; i < 10000; i++) {
      const x = rnd.next();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});
