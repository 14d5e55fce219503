/**
 * Money in fen (分), the unit every amount is stored in; shown as 元 with two decimals, and on
 * contracts in capital Chinese numerals (大写金额) as banks and finance offices write them.
 */

/** What people type (元) as what is stored (分): 12.5 → 1250, float noise rounded away (0.1 + 0.2); no input stays undefined. */
export function yuanToFen(yuan: number | null | undefined): number | undefined {
  return yuan === null || yuan === undefined ? undefined : Math.round(yuan * 100);
}

/** 1250 → 12.5, for a form's number input. */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** A face value as a coupon shows it: 5000 → "50", 1250 → "12.50". */
export function faceValueYuan(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}

/** 360000 → "3,600.00" */
export function formatYuan(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** One group of up to four digits (0–9999) in capitals, with zeros inside it collapsed. */
function group(n: number): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + SMALL_UNITS[i];
  }
  return out;
}

/** 360000 → "叁仟陆佰元整"; 12345 → "壹佰贰拾叁元肆角伍分"; 0 → "零元整". Whole fen, 0 to under 10^16 元. */
export function yuanInWords(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError('金额须为非负整数（分）');
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  let integer = '';
  if (yuan === 0) integer = '零';
  else {
    const groups: number[] = [];
    for (let v = yuan; v > 0; v = Math.floor(v / 10000)) groups.push(v % 10000);
    let needZero = false;
    for (let i = groups.length - 1; i >= 0; i--) {
      const g = groups[i];
      if (g === 0) {
        needZero = integer !== '';
        continue;
      }
      if (integer && (needZero || g < 1000)) integer += '零';
      integer += group(g) + BIG_UNITS[i];
      needZero = false;
    }
  }
  let out = `${integer}元`;
  if (jiao === 0 && fenDigit === 0) return `${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  if (fenDigit > 0) out += `${DIGITS[fenDigit]}分`;
  else out += '整';
  return out;
}
