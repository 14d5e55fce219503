/**
 * Password policy (SECURITY.md, MLPS level 3): 8–64 characters, 3 of 4 character classes,
 * not containing the username, not a common password. Every broken rule is reported at
 * once so the user fixes the password in one go.
 */
import { commonPasswords } from './common-passwords.js';

/** The policy's limits, exported so forms can show them. */
export const passwordPolicy = { minLength: 8, maxLength: 64, minClasses: 3, minUsernameLength: 3 } as const;

/** Policy result: ok, or every reason the password fails, in Chinese. */
export type PasswordCheckResult = { ok: true } | { ok: false; reasons: string[] };

/** Messages, exported so tests and the UI match on the same text. */
export const passwordReasons = {
  tooShort: `密码至少${passwordPolicy.minLength}位`,
  tooLong: `密码不能超过${passwordPolicy.maxLength}位`,
  classes: '需包含大写字母、小写字母、数字、符号中的至少3类',
  control: '密码不能包含换行、制表符等控制字符',
  username: '密码不能包含用户名',
  common: '密码过于常见，请换一个',
} as const;

/** How many of lower / upper / digit / symbol the password uses (symbol = anything else). */
export function countCharacterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
}

/** True when the password, or its stem without trailing digits and symbols, is a common one. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  // Password123! → password123 → password: decorating a weak word does not make it strong.
  const candidates = [lower, lower.replace(/[^a-z\d]+$/, ''), lower.replace(/[^a-z]+$/, '')];
  return candidates.some((c) => c !== '' && commonPasswords.has(c));
}

/** Check a new password against the policy; `username` enables the containment rule. */
export function checkPassword(password: string, username?: string): PasswordCheckResult {
  const pw = typeof password === 'string' ? password : '';
  const reasons: string[] = [];
  // Count code points, not UTF-16 units, so an emoji is one character as the user sees it.
  const length = Array.from(pw).length;
  if (length < passwordPolicy.minLength) reasons.push(passwordReasons.tooShort);
  if (length > passwordPolicy.maxLength) reasons.push(passwordReasons.tooLong);
  if (countCharacterClasses(pw) < passwordPolicy.minClasses) reasons.push(passwordReasons.classes);
  // Control characters cannot be typed back reliably on another device.
  if (/\p{Cc}/u.test(pw)) reasons.push(passwordReasons.control);
  const name = typeof username === 'string' ? username.trim().toLowerCase() : '';
  // Below 3 characters (e.g. "li") the rule would reject too many innocent passwords.
  if (name.length >= passwordPolicy.minUsernameLength && pw.toLowerCase().includes(name)) {
    reasons.push(passwordReasons.username);
  }
  if (isCommonPassword(pw)) reasons.push(passwordReasons.common);
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}
