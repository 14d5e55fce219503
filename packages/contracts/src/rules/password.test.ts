import { describe, expect, it } from 'vitest';
import { commonPasswords } from './common-passwords.js';
import { checkPassword, countCharacterClasses, isCommonPassword, passwordPolicy, passwordReasons } from './password.js';
import { seededRandom } from './seeded-random.js';

const reasons = (password: string, username?: string) => {
  const r = checkPassword(password, username);
  return r.ok ? [] : r.reasons;
};

describe('checkPassword — examples', () => {
  it.each(['Xk9#mQ2$vL', 'Tr0ub4dor&3', 'correct-Horse-7', 'Gh!2024#Union', '绿色Bamboo9', 'aB3aB3aB'])('%j passes', (pw) => {
    expect(checkPassword(pw, 'zhangsan')).toEqual({ ok: true });
  });

  it('reports every broken rule at once, in Chinese', () => {
    expect(checkPassword('admin')).toEqual({
      ok: false,
      reasons: ['密码至少8位', '需包含大写字母、小写字母、数字、符号中的至少3类', '密码过于常见，请换一个'],
    });
  });

  it('the messages are the agreed ones', () => {
    expect(passwordReasons).toMatchObject({
      tooShort: '密码至少8位',
      tooLong: '密码不能超过64位',
      classes: '需包含大写字母、小写字母、数字、符号中的至少3类',
      username: '密码不能包含用户名',
      common: '密码过于常见，请换一个',
    });
    expect(passwordPolicy).toEqual({ minLength: 8, maxLength: 64, minClasses: 3, minUsernameLength: 3 });
  });
});

describe('checkPassword — length', () => {
  it.each([
    ['Ab1!xyz', false],
    ['Ab1!xyzw', true],
    [`Ab1!${'x'.repeat(60)}`, true],
    [`Ab1!${'x'.repeat(61)}`, false],
  ])('%j (length %#) passes the length rule: %s', (pw, ok) => {
    const r = reasons(pw);
    expect(r.includes(passwordReasons.tooShort) || r.includes(passwordReasons.tooLong)).toBe(!ok);
  });

  it('counts characters as the user sees them (an emoji is one)', () => {
    expect(reasons('Ab1😀😀😀😀')).toContain(passwordReasons.tooShort); // 7 characters, 11 UTF-16 units
    expect(reasons('Ab1😀😀😀😀😀')).not.toContain(passwordReasons.tooShort);
  });

  it('a 100 000-character password is too long, not a crash', () => {
    expect(reasons(`Ab1!${'q'.repeat(100_000)}`)).toContain(passwordReasons.tooLong);
  });

  it('an empty or non-string password fails without throwing', () => {
    expect(reasons('')).toContain(passwordReasons.tooShort);
    expect(reasons(undefined as unknown as string)).toContain(passwordReasons.tooShort);
  });
});

describe('checkPassword — character classes', () => {
  it.each([
    ['abcdefgh', 1],
    ['ABCDEFGH', 1],
    ['12345678', 1],
    ['!@#$%^&*', 1],
    ['abcdEFGH', 2],
    ['abcd1234', 2],
    ['ABCD!@#$', 2],
    ['abcdEF12', 3],
    ['abcd12!@', 3],
    ['ABCD12!@', 3],
    ['abCD12!@', 4],
    ['ab cd EF', 3], // a space counts as a symbol
    ['中文中文abAB', 3], // so does any non-ASCII character
  ])('%j has %i classes', (pw, n) => {
    expect(countCharacterClasses(pw)).toBe(n);
    expect(reasons(pw).includes(passwordReasons.classes)).toBe(n < 3);
  });
});

describe('checkPassword — username', () => {
  it.each([
    ['Zhangsan#2024', 'zhangsan', true],
    ['my-ZHANGSAN-9x', 'ZhangSan', true],
    ['Xx9!zhangsan', ' zhangsan ', true],
    ['Qwe#2024Zhang', 'zhangsan', false],
    ['Li#2024Union', 'li', false], // usernames shorter than 3 are not checked
    ['Wang!9Union', 'wan', true],
    ['Wang!9Union', '', false],
    ['Wang!9Union', undefined, false],
  ])('%j with username %j → contains: %s', (pw, username, contains) => {
    expect(reasons(pw, username).includes(passwordReasons.username)).toBe(contains);
  });
});

describe('checkPassword — common passwords', () => {
  it.each([
    'Password123!',
    'P@ssw0rd',
    'P@ssw0rd!!',
    'Passw0rd2024',
    'Admin@123',
    'Admin123456!',
    'Qwerty123!',
    'Woaini1314!!',
    'gh123456',
    'Gh123456!',
    'Abcd1234!',
    '1qaz2WSX!',
    'Iloveyou520~',
    'Zhonghua#2024',
    'QQ123456@',
    'Welcome1!',
  ])('%j is too common', (pw) => {
    expect(isCommonPassword(pw)).toBe(true);
    expect(reasons(pw)).toContain(passwordReasons.common);
  });

  it.each(['Xk9#mQ2$vL', 'Password-Manager-7x', '!Password', 'Tr0ub4dor&3', 'myPassword9!'])('%j is not in the list', (pw) => {
    expect(isCommonPassword(pw)).toBe(false);
  });

  it('the list has about 200 unique lower-case entries, including the seeded default gh123456', () => {
    expect(commonPasswords.size).toBeGreaterThanOrEqual(190);
    expect(commonPasswords.size).toBeLessThanOrEqual(260);
    for (const p of commonPasswords) expect(p).toBe(p.toLowerCase());
    expect(commonPasswords.has('gh123456')).toBe(true);
  });

  it('every entry is rejected whatever its case', () => {
    for (const p of commonPasswords) {
      expect(isCommonPassword(p)).toBe(true);
      expect(isCommonPassword(p.toUpperCase())).toBe(true);
      expect(checkPassword(p).ok).toBe(false);
    }
  });
});

describe('checkPassword — control characters', () => {
  it.each(['Abcdef1!\n', 'Abc\tdef1!', 'Abcdef1!\u0000'])('%j is refused', (pw) => {
    expect(reasons(pw)).toContain(passwordReasons.control);
  });
});

describe('checkPassword — properties', () => {
  const rnd = seededRandom(2024);
  const lower = 'abcdefghijkmnpqrstuvwxyz';
  const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const digit = '0123456789';
  const symbol = '!@#$%^&*()-_=+[]{};:,.?/~';
  const make = (classes: string[], length: number) => {
    // One character from each chosen class, then fill and shuffle.
    const chars = classes.map((c) => rnd.pick(c));
    while (chars.length < length) chars.push(rnd.pick(rnd.pick(classes)));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = rnd.int(0, i);
      [chars[i], chars[j]] = [chars[j], chars[i]];
    }
    return chars.join('');
  };

  it('random 8–64 character passwords from 3 or 4 classes pass (2000 cases)', () => {
    for (let i = 0; i < 2000; i++) {
      const threeClasses = [
        [lower, upper, digit],
        [lower, digit, symbol],
        [upper, digit, symbol],
        [lower, upper, symbol],
      ];
      const classes = rnd.int(0, 1) ? [lower, upper, digit, symbol] : rnd.pick(threeClasses);
      const pw = make(classes, rnd.int(8, 64));
      expect(checkPassword(pw, 'zhangsan')).toEqual({ ok: true });
    }
  });

  it('random passwords from fewer than 3 classes fail the class rule (2000 cases)', () => {
    for (let i = 0; i < 2000; i++) {
      const classes = rnd.pick([
        [lower], [upper], [digit], [symbol], [lower, upper], [lower, digit], [digit, symbol], [upper, symbol],
      ]);
      expect(reasons(make(classes, rnd.int(8, 64)))).toContain(passwordReasons.classes);
    }
  });

  it('inserting the username anywhere is always caught (1000 cases)', () => {
    for (let i = 0; i < 1000; i++) {
      const pw = make([lower, upper, digit, symbol], rnd.int(8, 30));
      const at = rnd.int(0, pw.length);
      const name = rnd.pick(['zhangsan', 'admin01', 'Li_Ming', 'wxy']);
      const withName = pw.slice(0, at) + (rnd.int(0, 1) ? name.toUpperCase() : name) + pw.slice(at);
      expect(reasons(withName, name)).toContain(passwordReasons.username);
    }
  });
});
