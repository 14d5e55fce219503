/**
 * Organisation code (组织机构代码, GB 11714-1997): 8 body characters (digits or capital
 * letters) and a check character, often printed `D2143569-X`. Superseded by the USCC,
 * whose 9th–17th characters carry it, but still on older units' paperwork.
 */
import { fail, type RuleFailure } from './result.js';
import { compactUpper, isScientificNotation, MAX_RAW_LENGTH, scientificNotationReason, showChar } from './text.js';

// Weights from the standard; the check is C = 11 − (Σ value·weight mod 11).
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** A valid organisation code, normalised to 9 characters without the hyphen. */
export interface OrgCodeOk {
  ok: true;
  value: string;
}

// Digits are worth 0–9 and letters A–Z 10–35, i.e. the base-36 digit value.
function charValue(c: string): number {
  return /^[0-9A-Z]$/.test(c) ? parseInt(c, 36) : -1;
}

/** NFKC, trim, upper-case, remove spaces, and drop the hyphen printed before the check. */
export function normalizeOrgCode(raw: string): string {
  const value = compactUpper(raw);
  // Only the conventional position; a hyphen anywhere else is left for the check to reject.
  return /^[0-9A-Z]{8}-[0-9A-Z]$/.test(value) ? value.replace('-', '') : value;
}

/** The check character for an 8-character body; throws RangeError on anything else. */
export function computeOrgCodeCheck(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new RangeError('body8 must be 8 digits or capital letters');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += charValue(body8[i]) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Append the check character to an 8-character body (demo data, tests). */
export function makeOrgCode(body8: string): string {
  return body8 + computeOrgCodeCheck(body8);
}

/** Check an organisation code (hyphen before the check is optional); never throws. */
export function checkOrgCode(raw: string): OrgCodeOk | RuleFailure {
  if (typeof raw !== 'string') return fail('组织机构代码格式不正确');
  if (raw.length > MAX_RAW_LENGTH) return fail('组织机构代码过长，请只填写代码本身');
  const value = normalizeOrgCode(raw);
  if (value === '') return fail('请填写组织机构代码');
  if (isScientificNotation(value)) return fail(scientificNotationReason('组织机构代码'));
  const chars = Array.from(value);
  if (chars.length === 18 && /^[0-9A-Z]{18}$/.test(value)) {
    // A USCC pasted into the old field: say where the organisation code sits inside it.
    return fail(`这是18位统一社会信用代码；组织机构代码是其中第9–17位（${value.slice(8, 17)}）`);
  }
  if (chars.length !== 9) {
    return fail(`组织机构代码应为9位（8位本体代码加1位校验码，如 D2143569-X），当前为${chars.length}位`);
  }
  for (let i = 0; i < 8; i++) {
    if (charValue(chars[i]) < 0) {
      return fail(`组织机构代码前8位只能是数字或大写字母，第${i + 1}位是${showChar(chars[i])}`);
    }
  }
  if (!/^[0-9X]$/.test(chars[8])) return fail(`组织机构代码最后一位（校验码）只能是数字或X，当前是${showChar(chars[8])}`);
  const expected = computeOrgCodeCheck(value.slice(0, 8));
  if (chars[8] !== expected) {
    return fail(`组织机构代码校验不通过（按前8位计算，校验码应为${expected}，当前为${chars[8]}），请逐位核对`);
  }
  return { ok: true, value };
}
