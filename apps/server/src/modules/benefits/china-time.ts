/** A moment as people in China read it: `2026-09-24 08:30:00` (UTC+8 all year, no daylight saving). */
export function chinaDateTime(at: Date | string): string {
  return new Date(new Date(at).getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}
