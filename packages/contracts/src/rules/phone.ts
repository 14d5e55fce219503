/**
 * Phone numbers. Mobile numbers get a shape check only: carriers add prefixes every few
 * years, so there is no prefix whitelist, and only an SMS code proves a number works.
 */
import { maskMiddle } from './mask.js';
import { fail, type RuleFailure } from './result.js';
import { isScientificNotation, MAX_RAW_LENGTH, scientificNotationReason } from './text.js';

/** A valid phone number in its normalised form. */
export interface PhoneOk {
  ok: true;
  value: string;
}

// Spaces, dashes and the invisible characters copy-paste brings along.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212\u200B-\u200D\u2060\uFEFF]+/g;

/** NFKC, strip spaces and dashes, strip `+86`/`0086`/`86` when 11 digits remain. */
export function normalizePhone(raw: string): string {
  if (typeof raw !== 'string') return '';
  const compact = raw.normalize('NFKC').replace(SEPARATORS, '');
  const m = /^(?:\+86|0086|86)(\d{11})$/.exec(compact);
  return m ? m[1] : compact;
}

/** Check a mainland mobile number: `^1[3-9]\d{9}$` after normalising. */
export function checkPhone(raw: string): PhoneOk | RuleFailure {
  if (typeof raw !== 'string') return fail('手机号格式不正确');
  if (raw.length > MAX_RAW_LENGTH) return fail('手机号过长');
  const value = normalizePhone(raw);
  if (value === '') return fail('请填写手机号');
  if (isScientificNotation(value)) return fail(scientificNotationReason('手机号'));
  if (!/^\d+$/.test(value)) return fail('手机号只能包含数字');
  if (value.length !== 11) return fail(`手机号应为11位，当前为${value.length}位`);
  if (!/^1[3-9]\d{9}$/.test(value)) return fail('手机号应以13–19开头');
  return { ok: true, value };
}

/** Mask a mobile number for display: `138****5678`. */
export function maskPhone(value: string): string {
  return maskMiddle(value, 3, 4);
}

/**
 * Check a landline: area code (010, 02X: 3 digits; others 0 + 3 digits) and a 7–8 digit
 * local number, optional extension; normalised to `0531-81285015` or `0531-81285015-123`.
 */
export function checkLandline(raw: string): PhoneOk | RuleFailure {
  if (typeof raw !== 'string') return fail('固定电话格式不正确');
  if (raw.length > MAX_RAW_LENGTH) return fail('固定电话过长');
  let s = raw.normalize('NFKC').trim();
  if (s === '') return fail('请填写固定电话');
  // An extension may be written 转123, 分机123, ext.123, x123 or #123.
  let extension: string | undefined;
  const ext = /(?:转|分机|ext\.?|x|#)\s*(\d+)$/i.exec(s);
  if (ext) {
    extension = ext[1];
    s = s.slice(0, ext.index).trim();
  }
  if (extension === undefined && checkPhone(s).ok) return fail('这是手机号，请填在手机号一栏');
  if (!/^[\d\s\-()+\u2010-\u2015]+$/.test(s)) return fail('固定电话只能包含数字、短横线、括号和分机号');
  let groups = s.split(/[\s\-()\u2010-\u2015]+/).filter((g) => g !== '');
  // International form +86 531 81285015: the trunk 0 is dropped there, so put it back.
  if (groups.length > 0 && /^(\+86|0086)/.test(groups[0])) {
    const rest = groups[0].replace(/^(\+86|0086)/, '');
    groups = rest ? [rest, ...groups.slice(1)] : groups.slice(1);
    if (groups.length > 0 && !groups[0].startsWith('0')) groups[0] = `0${groups[0]}`;
  }
  if (groups.some((g) => g.includes('+'))) return fail('固定电话只能包含数字、短横线、括号和分机号');
  const digits = groups.join('');
  if (extension !== undefined && !/^\d{1,6}$/.test(extension)) return fail('分机号应为1–6位数字');
  const withExtension = (v: string) => (extension ? `${v}-${extension}` : v);
  // Nationwide service numbers (400/800) have no area code.
  if (/^[48]00\d{7}$/.test(digits)) {
    return { ok: true, value: withExtension(`${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`) };
  }
  if (groups.length === 3 && groups[0].startsWith('0')) {
    if (groups[1].length < 7) {
      // 021-6234-5678: the local number printed in two halves.
      groups = [groups[0], groups[1] + groups[2]];
    } else if (extension === undefined) {
      // 0531-81285015-123: the third group is the extension.
      extension = groups.pop();
      if (!/^\d{1,6}$/.test(extension!)) return fail('分机号应为1–6位数字');
    }
  }
  if (groups.length > 2) return fail('固定电话格式应为“区号-号码”，如 0531-81285015');
  const all = groups.join('');
  if (!all.startsWith('0')) return fail('请填写区号，如 0531-81285015');
  const areaLength = /^0[12]/.test(all) ? 3 : 4;
  const area = groups.length === 2 ? groups[0] : all.slice(0, areaLength);
  const local = groups.length === 2 ? groups[1] : all.slice(areaLength);
  if (area.length !== areaLength || !/^0[1-9]/.test(area) || (area.length === 3 && !/^010|^02\d/.test(area))) {
    return fail('区号不正确：北京010及02X开头的区号为3位，其他地区为4位（如 0531）');
  }
  if (!/^[1-9]\d{6,7}$/.test(local)) return fail('电话号码（区号后面的部分）应为7位或8位数字，且不以0开头');
  return { ok: true, value: withExtension(`${area}-${local}`) };
}
