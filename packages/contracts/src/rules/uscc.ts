/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters over a
 * 31-character alphabet, the last being an ISO 7064 MOD 31-3 check. Some codes issued
 * early fail the check yet are real, so a bad check is flagged for review, not rejected.
 */
import { fail, type RuleFailure } from './result.js';
import { compactUpper, isScientificNotation, MAX_RAW_LENGTH, scientificNotationReason, showChar } from './text.js';

/** The code alphabet; position = value 0–30. I, O, S, V, Z are left out as look-alikes. */
export const usccAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// 3^i mod 31: every weight is non-zero mod the prime 31, so any single substitution shows.
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A well-formed code; `checkDigitValid: false` means "real-looking, send for review". */
export interface UsccOk {
  ok: true;
  value: string;
  checkDigitValid: boolean;
}

/** NFKC, trim, upper-case and remove inner spaces. */
export function normalizeUscc(raw: string): string {
  return compactUpper(raw);
}

/** The MOD 31-3 check character for 17 code characters; throws RangeError on anything else. */
export function computeUsccCheck(first17: string): string {
  if (first17.length !== 17) throw new RangeError('first17 must be exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = usccAlphabet.indexOf(first17[i]);
    if (v < 0) throw new RangeError(`illegal character ${first17[i]} at position ${i + 1}`);
    sum += v * USCC_WEIGHTS[i];
  }
  return usccAlphabet[(31 - (sum % 31)) % 31];
}

/** Append the check character to 17 code characters (demo data, tests). */
export function makeUscc(first17: string): string {
  return first17 + computeUsccCheck(first17);
}

/** Check a code: wrong length or characters fail; a wrong check only clears `checkDigitValid`. */
export function checkUscc(raw: string): UsccOk | RuleFailure {
  if (typeof raw !== 'string') return fail('统一社会信用代码格式不正确');
  if (raw.length > MAX_RAW_LENGTH) return fail('统一社会信用代码过长，请只填写代码本身');
  const value = normalizeUscc(raw);
  if (value === '') return fail('请填写统一社会信用代码');
  if (isScientificNotation(value)) return fail(scientificNotationReason('统一社会信用代码'));
  const chars = Array.from(value);
  if (chars.length !== 18) return fail(`统一社会信用代码应为18位，当前为${chars.length}位`);
  for (let i = 0; i < 18; i++) {
    const c = chars[i];
    if (usccAlphabet.includes(c)) continue;
    const lookAlike = 'IOSVZ'.includes(c)
      ? '（统一社会信用代码不使用字母 I、O、S、V、Z，请确认是否把数字 1、0、5 等写成了字母）'
      : '（只能是数字和大写字母）';
    return fail(`统一社会信用代码第${i + 1}位的${showChar(c)}不是合法字符${lookAlike}`);
  }
  // Positions 3–8 are the registering authority's administrative division code: digits only.
  if (!/^\d{6}$/.test(value.slice(2, 8))) return fail('统一社会信用代码第3–8位是行政区划代码，只能是数字');
  return { ok: true, value, checkDigitValid: computeUsccCheck(value.slice(0, 17)) === value[17] };
}

/** True for a trade union's code (registered by the union system: first character `8`). */
export function isTradeUnionUscc(value: string): boolean {
  return value.startsWith('8');
}

/** True for a base-level trade union's code (`81`). */
export function isBaseUnionUscc(value: string): boolean {
  return value.startsWith('81');
}
