/**
 * A tiny seeded PRNG (mulberry32) for property tests and reproducible demo data: the same
 * seed gives the same sequence, so a failing case can be replayed. Not for secrets.
 */

/** Helpers over one seeded stream. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty array or string. */
  pick<T>(items: readonly T[] | string): T;
}

/** Create a deterministic random stream from a 32-bit seed. */
export function seededRandom(seed: number): SeededRandom {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T,>(items: readonly T[] | string): T => items[int(0, items.length - 1)] as T;
  return { next, int, pick };
}
