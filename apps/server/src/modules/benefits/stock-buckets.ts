/**
 * How many `prize_stock` rows a prize's quantity is split into when its activity is approved.
 * Concurrent claims decrement different rows (picked at random, skipping locked ones) instead of
 * queueing on one hot row; 16 is comfortably more than the database connections the server
 * uses at once, so a claim rarely waits for another. Shared by the approval (which creates the
 * rows) and the claim (which takes from them).
 */
export const STOCK_BUCKETS = 16;

/**
 * The rows for a prize of `quantity`: near-equal parts, never an empty bucket (a prize of 5 has
 * 5 buckets of 1). Their sum is exactly the quantity.
 */
export function stockBucketsFor(prizeId: string, quantity: number): { prizeId: string; bucket: number; remaining: number }[] {
  const n = Math.max(1, Math.min(STOCK_BUCKETS, quantity));
  const base = Math.floor(quantity / n);
  return Array.from({ length: n }, (_, bucket) => ({ prizeId, bucket, remaining: base + (bucket < quantity % n ? 1 : 0) }));
}
