/** Money travels in fen (integers); people type and read yuan. */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** 12.5 → 1250; rounding away float noise (0.1 + 0.2). Undefined stays undefined so the form's "required" rule speaks. */
export function yuanToFen(yuan: number | null | undefined): number | undefined {
  return yuan === null || yuan === undefined ? undefined : Math.round(yuan * 100);
}

/** ¥50 / ¥12.50. */
export function formatYuan(fen: number): string {
  return `¥${fen % 100 === 0 ? fen / 100 : (fen / 100).toFixed(2)}`;
}
