import { describe, expect, it } from 'vitest';
import { checkLandline, checkPhone, maskPhone, normalizePhone } from './phone.js';
import { seededRandom } from './seeded-random.js';

const reasonOf = (r: { ok: boolean; reason?: string }) => r.reason;

describe('normalizePhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    [' 138 0013 8000 ', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['138—0013—8000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['１３８－００１３－８０００', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+86-13800138000', '13800138000'],
    ['＋８６１３８００１３８０００', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['\u200b13800138000\u3000', '13800138000'],
    // The prefix is only stripped when exactly 11 digits remain.
    ['86138001380', '86138001380'],
    ['+861380013800', '+861380013800'],
    ['', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it('returns "" for a non-string at runtime', () => {
    expect(normalizePhone(null as unknown as string)).toBe('');
  });
});

describe('checkPhone', () => {
  it.each(['13', '14', '15', '16', '17', '18', '19'])('accepts every 1[3-9] prefix: %s…', (prefix) => {
    const value = `${prefix}012345678`;
    expect(checkPhone(value)).toEqual({ ok: true, value });
  });

  it('has no prefix whitelist: unallocated prefixes such as 140 and 192 pass', () => {
    expect(checkPhone('14000000000').ok).toBe(true);
    expect(checkPhone('19200000000').ok).toBe(true);
  });

  it.each([
    ['', '请填写'],
    ['   ', '请填写'],
    ['1.38001E+10', '科学计数法'],
    ['1380013800', '应为11位，当前为10位'],
    ['138001380000', '应为11位，当前为12位'],
    ['10012345678', '应以13–19开头'],
    ['11012345678', '应以13–19开头'],
    ['12012345678', '应以13–19开头'],
    ['23800138000', '应以13–19开头'],
    ['86138001380', '应以13–19开头'],
    ['138OO138OOO', '只能包含数字'],
    ['(138)00138000', '只能包含数字'],
    ["'; drop table users;--", '只能包含数字'],
    ['138.0013.8000', '只能包含数字'],
    ['+8613800138000 ext 1', '只能包含数字'],
  ])('%j fails with %j', (raw, fragment) => {
    const r = checkPhone(raw);
    expect(r.ok).toBe(false);
    expect(reasonOf(r)).toContain(fragment);
  });

  it('refuses very long input and non-strings without throwing', () => {
    expect(reasonOf(checkPhone('1'.repeat(100_000)))).toContain('过长');
    for (const bad of [undefined, null, 13800138000, {}]) expect(checkPhone(bad as unknown as string).ok).toBe(false);
  });

  it('property: any valid number in any common formatting normalises to itself', () => {
    const rnd = seededRandom(86);
    const fullWidth = (s: string) => s.replace(/[0-9+\-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    for (let i = 0; i < 2000; i++) {
      const value = `1${rnd.int(3, 9)}${String(rnd.int(0, 999_999_999)).padStart(9, '0')}`;
      const spaced = rnd.pick([
        value,
        `${value.slice(0, 3)} ${value.slice(3, 7)} ${value.slice(7)}`,
        `${value.slice(0, 3)}-${value.slice(3, 7)}-${value.slice(7)}`,
      ]);
      const prefixed = rnd.pick(['', '+86', '+86 ', '0086', '86', '+86-']) + spaced;
      const raw = rnd.int(0, 1) ? fullWidth(prefixed) : prefixed;
      expect(checkPhone(raw)).toEqual({ ok: true, value });
    }
  });

  it('property: never throws on random input', () => {
    const rnd = seededRandom(7);
    const chars = '0123456789+- ()１８.Ee\u3000x转中\u0000';
    for (let i = 0; i < 3000; i++) {
      const s = Array.from({ length: rnd.int(0, 20) }, () => rnd.pick(chars)).join('');
      const r = checkPhone(s);
      if (r.ok) expect(r.value).toMatch(/^1[3-9]\d{9}$/);
      else expect(r.reason.length).toBeGreaterThan(0);
      const l = checkLandline(s);
      if (!l.ok) expect(l.reason.length).toBeGreaterThan(0);
      else expect(l.value).toMatch(/^(0\d{2,3}-[1-9]\d{6,7}|[48]00-\d{3}-\d{4})(-\d{1,6})?$/);
    }
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['13800138000', '138****8000'],
  ])('%s → %s', (value, masked) => {
    expect(maskPhone(value)).toBe(masked);
  });

  it('keeps the length and hides most of a short value', () => {
    expect(maskPhone('12345')).toBe('1***5');
    expect(maskPhone('')).toBe('');
  });
});

describe('checkLandline', () => {
  it.each([
    ['0531-81285015', '0531-81285015'],
    ['021-12345678', '021-12345678'],
    ['010-6512345', '010-6512345'],
    ['0531 81285015', '0531-81285015'],
    ['053181285015', '0531-81285015'],
    ['02162345678', '021-62345678'],
    ['(0531)81285015', '0531-81285015'],
    ['（０５３１）８１２８５０１５', '0531-81285015'],
    ['０５３１－８１２８５０１５', '0531-81285015'],
    ['021-6234-5678', '021-62345678'],
    ['0531-81285015-123', '0531-81285015-123'],
    ['0531-81285015 转 8001', '0531-81285015-8001'],
    ['0531-81285015转8001', '0531-81285015-8001'],
    ['0531-81285015 分机 66', '0531-81285015-66'],
    ['0531-81285015 ext. 12', '0531-81285015-12'],
    ['0531-81285015x12', '0531-81285015-12'],
    ['0531-81285015#12', '0531-81285015-12'],
    ['+86 531 81285015', '0531-81285015'],
    ['+86-10-65123456', '010-65123456'],
    ['008653181285015', '0531-81285015'],
    ['400-810-8888', '400-810-8888'],
    ['4008108888', '400-810-8888'],
    ['800-820-8820 转 3', '800-820-8820-3'],
  ])('%j → %s', (raw, value) => {
    expect(checkLandline(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['', '请填写'],
    ['   ', '请填写'],
    ['81285015', '请填写区号'],
    ['13800138000', '手机号'],
    ['+86 138 0013 8000', '手机号'],
    ['011-1234567', '区号不正确'],
    ['030-12345678', '区号不正确'],
    ['00531-81285015', '区号不正确'],
    ['0531-0128501', '7位或8位'],
    ['0531-812850', '7位或8位'],
    ['0531-812850151', '7位或8位'],
    ['0531-81285015 转 1234567', '分机号'],
    ['0531-81285015-1234567', '分机号'],
    ['0531-8128-5015-12-3', '区号-号码'],
    ['0531/81285015', '只能包含数字'],
    ["'; drop table units;--", '只能包含数字'],
    ['0531-8128501５a', '只能包含数字'],
    ['05+31-81285015', '只能包含数字'],
  ])('%j fails with %j', (raw, fragment) => {
    const r = checkLandline(raw);
    expect(r.ok).toBe(false);
    expect(reasonOf(r)).toContain(fragment);
  });

  it('refuses very long input and non-strings without throwing', () => {
    expect(reasonOf(checkLandline('0'.repeat(100_000)))).toContain('过长');
    for (const bad of [undefined, null, 53181285015, {}]) expect(checkLandline(bad as unknown as string).ok).toBe(false);
  });
});
