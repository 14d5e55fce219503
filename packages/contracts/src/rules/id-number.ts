/**
 * Identity document numbers. The resident ID (GB 11643-1999) and the two documents that
 * copy its 18-digit layout (HMT residence permit, 2023 foreigner permanent residence card)
 * are fully checked: shape, birth date, ISO 7064 MOD 11-2 check character. Passports and
 * travel permits have no public check algorithm, so they get a format check only.
 */
import { chinaToday, formatDate, isRealDate } from './calendar.js';
import { fail, type RuleFailure } from './result.js';
import { compactUpper, isScientificNotation, MAX_RAW_LENGTH, scientificNotationReason, showChar } from './text.js';

/** Every identity document type a member record can carry. */
export const idTypes = [
  'resident_id',
  'hmt_residence_permit',
  'foreign_permanent_id',
  'passport',
  'hk_macau_permit',
  'taiwan_permit',
] as const;

/** One of `idTypes`. */
export type IdType = (typeof idTypes)[number];

/** Chinese labels, as printed on the documents themselves. */
export const idTypeLabels: Record<IdType, string> = {
  resident_id: '居民身份证',
  hmt_residence_permit: '港澳台居民居住证',
  foreign_permanent_id: '外国人永久居留身份证',
  passport: '护照',
  hk_macau_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
};

/** Sex as encoded by the 17th digit (odd = male). */
export type Sex = 'male' | 'female';

/** A valid 18-digit number with the facts it encodes. */
export interface IdNumberOk {
  ok: true;
  value: string;
  sex: Sex;
  birthDate: string;
}

/** A valid document number; sex and birth date only where the number encodes them. */
export interface DocumentNumberOk {
  ok: true;
  value: string;
  sex?: Sex;
  birthDate?: string;
}

/** Options for `checkIdNumber`; `today` is injectable so tests do not depend on the clock. */
export interface IdCheckOptions {
  today?: Date;
}

// ISO 7064 MOD 11-2: weight of position i is 2^(17-i) mod 11; the check maps S mod 11.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

// Province-level codes actually used in mainland resident IDs (GB/T 2260). HK/Macau/Taiwan
// (81/82/83) appear only on residence permits, and a leading 9 marks the foreigner card,
// so those get a "wrong document type" hint instead of a bare rejection.
const MAINLAND_PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41',
  '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
]);
const HMT_ADDRESS_CODES: Record<string, string> = { '810000': '香港', '820000': '澳门', '830000': '台湾' };

// Nobody alive was born earlier; an earlier year is a typo, not a centenarian.
const MIN_BIRTH_DATE = '1900-01-01';

/** NFKC, trim, upper-case and remove inner spaces (full-width digits and `Ｘ` come from Excel). */
export function normalizeIdNumber(raw: string): string {
  return compactUpper(raw);
}

/** The MOD 11-2 check character for 17 digits; throws RangeError on anything else. */
export function computeIdCheck(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('first17 must be exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11];
}

/** Upgrade a 15-digit legacy number (insert `19`, add the check); null if it is not one. */
export function upgradeLegacyIdNumber(raw: string): string | null {
  const value = normalizeIdNumber(raw);
  if (!/^\d{15}$/.test(value)) return null;
  // Legacy cards were issued before 1999-10 to people born in the 1900s only.
  const year = 1900 + Number(value.slice(6, 8));
  if (!isRealDate(year, Number(value.slice(8, 10)), Number(value.slice(10, 12)))) return null;
  const first17 = `${value.slice(0, 6)}19${value.slice(6)}`;
  return first17 + computeIdCheck(first17);
}

/** Parameters for `makeIdNumber`; `seq` is the 3-digit sequence 0–999 and must match `sex`. */
export interface MakeIdNumberInput {
  birthDate: string;
  sex: Sex;
  addressCode?: string;
  seq?: number;
}

/** Build a valid 18-digit number (demo data, tests); throws RangeError on bad input. */
export function makeIdNumber({ birthDate, sex, addressCode = '110105', seq }: MakeIdNumberInput): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`birthDate must be a real YYYY-MM-DD date, got ${birthDate}`);
  }
  if (!/^\d{6}$/.test(addressCode)) throw new RangeError('addressCode must be 6 digits');
  const sequence = seq ?? (sex === 'male' ? 1 : 2);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError('seq must be an integer 0–999');
  }
  // The sex lives in the sequence's parity; a mismatch would silently flip it.
  if ((sequence % 2 === 1) !== (sex === 'male')) {
    throw new RangeError(`seq ${sequence} encodes the other sex (odd = male, even = female)`);
  }
  const first17 = `${addressCode}${m[1]}${m[2]}${m[3]}${String(sequence).padStart(3, '0')}`;
  return first17 + computeIdCheck(first17);
}

/** Check a resident ID (default) or another document number; never throws. */
export function checkIdNumber(
  raw: string,
  idType?: 'resident_id' | 'hmt_residence_permit',
  options?: IdCheckOptions,
): IdNumberOk | RuleFailure;
/** Check a resident ID (default) or another document number; never throws. */
export function checkIdNumber(raw: string, idType: IdType, options?: IdCheckOptions): DocumentNumberOk | RuleFailure;
export function checkIdNumber(
  raw: string,
  idType: IdType = 'resident_id',
  options: IdCheckOptions = {},
): DocumentNumberOk | RuleFailure {
  if (typeof raw !== 'string') return fail('证件号码格式不正确');
  if (raw.length > MAX_RAW_LENGTH) return fail('证件号码过长，请只填写号码本身');
  const value = normalizeIdNumber(raw);
  if (value === '') return fail('请填写证件号码');
  if (isScientificNotation(value)) return fail(scientificNotationReason('证件号码'));
  const today = chinaToday(options.today);
  switch (idType) {
    case 'resident_id':
      return checkResidentId(value, today);
    case 'hmt_residence_permit':
      return checkHmtPermit(value, today);
    case 'foreign_permanent_id':
      return checkForeignPermanentId(value, today);
    case 'passport':
      return checkPassport(value);
    case 'hk_macau_permit':
      return checkHkMacauPermit(value);
    case 'taiwan_permit':
      return checkTaiwanPermit(value);
    default:
      // Reachable only from untyped callers (a spreadsheet column, a stale client).
      return fail('不支持的证件类型');
  }
}

function checkResidentId(value: string, today: string): IdNumberOk | RuleFailure {
  if (/^\d{15}$/.test(value)) {
    const upgraded = upgradeLegacyIdNumber(value);
    return fail(
      upgraded
        ? `这是15位的旧身份证号码，请填写现在使用的18位号码（按规则应为 ${upgraded}）`
        : '这是15位的旧身份证号码，且其中的出生日期无效，请填写现在使用的18位号码',
    );
  }
  const shape = shapeReason(value, '身份证号');
  if (shape) return fail(shape);
  const province = value.slice(0, 2);
  if (['81', '82', '83'].includes(province)) {
    return fail('这是港澳台居民居住证号码，请把证件类型选为“港澳台居民居住证”');
  }
  if (value[0] === '9') return fail('这是外国人永久居留身份证号码，请把证件类型选为“外国人永久居留身份证”');
  if (!MAINLAND_PROVINCES.has(province)) return fail(`身份证号前两位 ${province} 不是有效的省级地区代码，请核对`);
  return checkCommon18(value, today, '身份证号');
}

function checkHmtPermit(value: string, today: string): IdNumberOk | RuleFailure {
  const shape = shapeReason(value, '港澳台居民居住证号码');
  if (shape) return fail(shape);
  if (!Object.hasOwn(HMT_ADDRESS_CODES, value.slice(0, 6))) {
    return fail('港澳台居民居住证号码应以 810000（香港）、820000（澳门）或 830000（台湾）开头');
  }
  return checkCommon18(value, today, '居住证号码');
}

function checkForeignPermanentId(value: string, today: string): DocumentNumberOk | RuleFailure {
  // 2017 card: three letters + 12 digits, no published check, so format only.
  if (/^[A-Z]{3}\d{12}$/.test(value)) return { ok: true, value };
  if (value.length !== 18 || value[0] !== '9') {
    return fail('外国人永久居留身份证号码应为18位（2023年版，以9开头）或15位（2017年版，3个字母加12位数字）');
  }
  const shape = shapeReason(value, '永久居留身份证号码');
  if (shape) return fail(shape);
  // 2023 card: 9 + issuing province + ISO 3166 numeric nationality + date + seq + check.
  if (!MAINLAND_PROVINCES.has(value.slice(1, 3))) {
    return fail(`永久居留身份证号码第2–3位 ${value.slice(1, 3)} 不是有效的省级地区代码`);
  }
  if (value.slice(3, 6) === '000') return fail('永久居留身份证号码第4–6位国籍代码无效');
  return checkCommon18(value, today, '永久居留身份证号码');
}

// The length/character problem of an 18-character number, or null when the shape is right.
function shapeReason(value: string, what: string): string | null {
  const chars = Array.from(value);
  if (chars.length !== 18) return `${what}应为18位，当前为${chars.length}位`;
  for (let i = 0; i < 17; i++) {
    if (!/\d/.test(chars[i])) return `${what}前17位只能是数字，第${i + 1}位是${showChar(chars[i])}`;
  }
  if (!/[\dX]/.test(chars[17])) return `${what}最后一位只能是数字或X，当前是${showChar(chars[17])}`;
  return null;
}

// Birth date and check character, shared by the three 18-digit layouts.
function checkCommon18(value: string, today: string, what: string): IdNumberOk | RuleFailure {
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (!isRealDate(year, month, day)) {
    return fail(`${what}中的出生日期 ${value.slice(6, 14)} 不是有效日期，请核对第7–14位`);
  }
  const birthDate = formatDate(year, month, day);
  if (birthDate < MIN_BIRTH_DATE) return fail(`${what}中的出生日期 ${birthDate} 早于1900年，请核对`);
  if (birthDate > today) return fail(`${what}中的出生日期 ${birthDate} 晚于今天，请核对`);
  const expected = computeIdCheck(value.slice(0, 17));
  if (value[17] !== expected) {
    // Name the expected character, but steer the user to the 17 digits: a typo there is
    // far likelier than in the check, and "fixing" the check would save a wrong number.
    return fail(`${what}校验不通过（按前17位计算，校验位应为${expected}，当前为${value[17]}），请逐位核对号码`);
  }
  return { ok: true, value, sex: Number(value[16]) % 2 === 1 ? 'male' : 'female', birthDate };
}

// Passports, permits: spaces, hyphens and brackets are printing decoration, not part of the number.
function compactDocument(value: string): string {
  return value.replace(/[-()]/g, '');
}

function checkPassport(value: string): DocumentNumberOk | RuleFailure {
  const v = compactDocument(value);
  // Passports worldwide: 5–20 letters and digits, and every real one contains a digit.
  if (!/^[A-Z0-9]{5,20}$/.test(v) || !/\d/.test(v)) return fail('护照号码应为5–20位字母和数字');
  return { ok: true, value: v };
}

function checkHkMacauPermit(value: string): DocumentNumberOk | RuleFailure {
  const v = compactDocument(value);
  // Current card: H (Hong Kong) / M (Macau) + 8 digits; older booklets add a 2-digit issue count.
  if (!/^[HM]\d{8}(\d{2})?$/.test(v)) {
    return fail('港澳居民来往内地通行证号码应为 H 或 M 加8位数字（旧版为10位数字）');
  }
  return { ok: true, value: v };
}

function checkTaiwanPermit(value: string): DocumentNumberOk | RuleFailure {
  const v = compactDocument(value);
  // Card since 2015: 8 digits; older booklets: 10 digits, sometimes with a letter in brackets.
  if (!/^\d{8}(\d{2}[A-Z]?)?$/.test(v)) {
    return fail('台湾居民来往大陆通行证号码应为8位数字（旧版为10位数字，可带1个字母）');
  }
  return { ok: true, value: v };
}
