/**
 * Display masking. The server masks before it sends (SECURITY.md): full values need a
 * permission, a reason and an audit record. Lengths are kept so a masked value still
 * looks like what it is.
 */

/**
 * Keep `head` and `tail` characters and star the middle, keeping the length. When the
 * value is too short to hide at least 4 characters that way, both ends shrink to a quarter
 * of the length, so a short value (a passport, a typo) never shows most of itself.
 */
export function maskMiddle(value: string, head: number, tail: number): string {
  const chars = Array.from(typeof value === 'string' ? value : '');
  const n = chars.length;
  if (n - head - tail < 4) head = tail = Math.floor(n / 4);
  return chars.slice(0, head).join('') + '*'.repeat(n - head - tail) + chars.slice(n - tail).join('');
}

/** Mask an ID number: first 4 + stars + last 4, length kept (`3411**********6755`). */
export function maskIdNumber(value: string): string {
  return maskMiddle(value, 4, 4);
}

/** Mask a bank card number: first 6 (the issuer) + stars + last 4, length kept. */
export function maskBankCard(value: string): string {
  return maskMiddle(value, 6, 4);
}

// Compound surnames common enough to appear in a membership roll; the whole surname stays.
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒',
  '夏侯', '轩辕', '令狐', '端木', '独孤', '南宫', '西门', '百里', '呼延', '澹台', '公冶', '太史',
  '申屠', '闻人', '万俟', '钟离', '拓跋', '赫连', '濮阳', '淳于', '单于', '司空', '鲜于', '闾丘',
  '亓官', '司寇', '巫马', '公西', '漆雕', '乐正', '壤驷', '公良', '谷梁', '宰父', '段干', '东郭',
  '南门', '羊舌', '微生', '梁丘', '左丘', '东门', '第五',
]);

/** Mask a personal name keeping the surname: 张三 → 张*, 欧阳娜娜 → 欧阳**. */
export function maskName(value: string): string {
  const chars = Array.from(typeof value === 'string' ? value.trim() : '');
  if (chars.length <= 1) return '*'.repeat(chars.length);
  // A two-character name starting with a compound surname is itself ambiguous; keep one.
  const keep = chars.length >= 3 && COMPOUND_SURNAMES.has(chars[0] + chars[1]) ? 2 : 1;
  // Separators in minority and foreign names (买买提·艾力, John Smith) stay visible.
  return chars.map((c, i) => (i < keep || /[·•・\s]/.test(c) ? c : '*')).join('');
}
