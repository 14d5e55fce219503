/** Face values travel in fen; people read yuan: 5000 → "50", 1250 → "12.50" (the contracts' money rule). */
export { faceValueYuan as yuan } from '@gonghui/contracts';

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-11-24 09:30, in the phone's time zone (China time for our members). */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 11月24日 09:30 — the short form for lists. */
export function shortDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
