/**
 * What goes into every spreadsheet cell the platform writes: a cell that a spreadsheet program
 * would run as a formula (= + - @, tab, CR) is neutralised with a leading apostrophe (SECURITY.md).
 */
export function safeCell(v: string | null | undefined): string {
  if (v == null) return '';
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}
