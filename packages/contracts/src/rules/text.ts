/**
 * Text clean-up shared by the code checks. Values arrive pasted from Excel, WeChat and
 * Word: full-width digits, `Ｘ`, stray spaces and invisible characters are normal, not errors.
 */

/**
 * Anything longer is not a code anyone typed; refusing early keeps hostile megabyte
 * inputs from reaching normalisation and keeps error messages short.
 */
export const MAX_RAW_LENGTH = 256;

// Whitespace plus the invisible characters (soft hyphen, zero-width, direction marks)
// that ride along with copy-paste from web pages and chat apps.
const INVISIBLE_OR_SPACE = /[\s\u00AD\u200B-\u200F\u2060\uFEFF]+/g;

/** NFKC, trim, upper-case and drop every space or invisible character. */
export function compactUpper(raw: string): string {
  if (typeof raw !== 'string') return '';
  return raw.normalize('NFKC').replace(INVISIBLE_OR_SPACE, '').toUpperCase();
}

// What Excel shows once it has turned a long number into a float: 3.40524E+17. The `+` is
// required: Excel always prints it, and without it real codes such as the organisation
// code 2E4878035 would be mistaken for a mangled number.
const SCIENTIFIC = /^\d+(\.\d+)?E\+\d+$/i;

/** True when the text is a number in Excel's scientific notation. */
export function isScientificNotation(value: string): boolean {
  return SCIENTIFIC.test(value);
}

/** The message for a value Excel has already mangled; `what` names the field. */
export function scientificNotationReason(what: string): string {
  return `${what}被 Excel 转成了科学计数法（如 3.40524E+17），后几位数字已经丢失；请把该列设置为“文本”格式后重新填写`;
}

/** Format a character for a message, showing invisible ones by code point. */
export function showChar(c: string): string {
  if (/^[\x21-\x7E\p{L}\p{N}]$/u.test(c)) return `“${c}”`;
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
