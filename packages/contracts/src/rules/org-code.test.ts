import { describe, expect, it } from 'vitest';
import { checkOrgCode, computeOrgCodeCheck, makeOrgCode, normalizeOrgCode } from './org-code.js';
import { seededRandom } from './seeded-random.js';

const reasonOf = (r: { ok: boolean; reason?: string }) => r.reason;

// Vectors verified by hand with weights 3,7,9,10,5,8,4,2 and C = 11 − (S mod 11):
//   D2143569: D=13 → 39+14+9+40+15+40+24+18 = 199; 199 mod 11 = 1; C = 10 → 'X'  (the textbook example D2143569-X)
//   12345678: 3+14+27+40+25+48+28+16 = 201; 201 mod 11 = 3; C = 8
//   69624621: 18+63+54+20+20+48+8+2 = 233; 233 mod 11 = 2; C = 9
//   00000000: S = 0; 0 mod 11 = 0; C = 11 → '0'
//   A0000000: A=10 → 30; 30 mod 11 = 8; C = 3
//   10000000: 3; 3 mod 11 = 3; C = 8
//   0000000B: B=11 → 22; 22 mod 11 = 0; C = 11 → '0'   (collides with 00000000-0, see below)
//   Z0000000: Z=35 → 105; 105 mod 11 = 6; C = 5
const vectors = [
  ['D2143569', 'X'],
  ['12345678', '8'],
  ['69624621', '9'],
  ['00000000', '0'],
  ['A0000000', '3'],
  ['10000000', '8'],
  ['0000000B', '0'],
  ['Z0000000', '5'],
] as const;

describe('hand-verified vectors', () => {
  it.each(vectors)('body %s → check %s', (body, check) => {
    expect(computeOrgCodeCheck(body)).toBe(check);
    expect(makeOrgCode(body)).toBe(body + check);
    expect(checkOrgCode(body + check)).toEqual({ ok: true, value: body + check });
    expect(checkOrgCode(`${body}-${check}`)).toEqual({ ok: true, value: body + check });
  });
});

describe('normalizeOrgCode / input handling', () => {
  it.each([
    ['D2143569-X', 'D2143569X'],
    ['d2143569-x', 'D2143569X'],
    ['D2143569X', 'D2143569X'],
    [' D214 3569 - X ', 'D2143569X'],
    ['Ｄ２１４３５６９－Ｘ', 'D2143569X'],
    ['\u200bD2143569-X\u3000', 'D2143569X'],
  ])('%j → %s', (raw, value) => {
    expect(normalizeOrgCode(raw)).toBe(value);
    expect(checkOrgCode(raw)).toEqual({ ok: true, value });
  });

  it('2E4878035 is a code, not Excel scientific notation', () => {
    expect(makeOrgCode('2E487803')).toBe('2E4878035');
    expect(checkOrgCode('2E4878035')).toEqual({ ok: true, value: '2E4878035' });
  });

  it('leaves a misplaced hyphen in place so the check rejects it', () => {
    expect(normalizeOrgCode('D214-3569X')).toBe('D214-3569X');
    expect(checkOrgCode('D214-3569X').ok).toBe(false);
    expect(checkOrgCode('D2143569--X').ok).toBe(false);
  });

  it.each([
    ['', '请填写'],
    ['  ', '请填写'],
    ['6.96246E+8', '科学计数法'],
    ['6.96246E8', '第2位是“.”'],
    ['D214356', '应为9位'],
    ['D2143569XX', '应为9位'],
    ['91110000600037341L', '统一社会信用代码'],
    ['91110000600037341L', '600037341'],
    ['D21435_9X', '第7位是“_”'],
    ['中2143569X', '第1位是“中”'],
    ['D2143569A', '只能是数字或X'],
    ['D2143569Y', '只能是数字或X'],
    ['D21435690', '校验码应为X'],
    ['123456789', '校验码应为8'],
    ["'; drop table", '应为9位'],
    ["D2'3569-X", '第3位是“\'”'],
  ])('%j fails with %j', (raw, fragment) => {
    const r = checkOrgCode(raw);
    expect(r.ok).toBe(false);
    expect(reasonOf(r)).toContain(fragment);
  });

  it('refuses a very long string and non-strings without throwing', () => {
    expect(reasonOf(checkOrgCode('D'.repeat(100_000)))).toContain('过长');
    for (const bad of [undefined, null, 12345678, {}]) expect(checkOrgCode(bad as unknown as string).ok).toBe(false);
  });

  it.each(['', 'D214356', 'D21435699', 'd2143569', 'D214356-', 'D214356Ｘ'])('computeOrgCodeCheck(%j) throws', (bad) => {
    expect(() => computeOrgCodeCheck(bad)).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------
// Property tests. Values run 0–35 but the modulus is 11, so a substitution between two
// characters whose values differ by 11, 22 or 33 (0↔B, 1↔C, A↔L, B↔M↔X…) is NOT
// detected: a limitation of GB 11714 itself. Digit-for-digit substitutions (differences
// 1–9) always are, and so is any change of the check character.

const BODY_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const value = (c: string) => parseInt(c, 36);

function randomBodies(seed: number, count: number, chars: string): string[] {
  const rnd = seededRandom(seed);
  return Array.from({ length: count }, () => Array.from({ length: 8 }, () => rnd.pick(chars)).join(''));
}

describe('properties (2000 generated codes)', () => {
  const codes = randomBodies(11714, 2000, BODY_CHARS).map(makeOrgCode);
  const digitCodes = randomBodies(1997, 2000, '0123456789').map(makeOrgCode);

  it('every generated code is valid, with or without the hyphen', () => {
    for (const code of [...codes, ...digitCodes]) {
      expect(checkOrgCode(code)).toEqual({ ok: true, value: code });
      expect(checkOrgCode(`${code.slice(0, 8)}-${code[8]}`)).toEqual({ ok: true, value: code });
    }
  });

  it('substituting one body digit with another digit is always detected', () => {
    for (const code of [...codes, ...digitCodes]) {
      for (let i = 0; i < 8; i++) {
        if (!/\d/.test(code[i])) continue;
        for (const d of '0123456789') {
          if (d === code[i]) continue;
          const mutated = code.slice(0, i) + d + code.slice(i + 1);
          if (checkOrgCode(mutated).ok) throw new Error(`${code} → ${mutated} undetected`);
        }
      }
    }
  });

  it('any body substitution is detected exactly when the values do not differ by a multiple of 11', () => {
    let undetected = 0;
    const wrong: string[] = [];
    for (const code of codes) {
      for (let i = 0; i < 8; i++) {
        for (const c of BODY_CHARS) {
          if (c === code[i]) continue;
          const mutated = code.slice(0, i) + c + code.slice(i + 1);
          const collides = (value(c) - value(code[i])) % 11 === 0;
          if (checkOrgCode(mutated).ok !== collides) wrong.push(`${code} → ${mutated}`);
          if (collides) undetected++;
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(undetected).toBeGreaterThan(0);
  });

  it('the known collision: 00000000-0 and 0000000B-0 are both valid', () => {
    expect(checkOrgCode('000000000').ok).toBe(true);
    expect(checkOrgCode('0000000B0').ok).toBe(true);
  });

  it('changing the check character is always detected', () => {
    for (const code of codes) {
      for (const c of BODY_CHARS) {
        if (c === code[8]) continue;
        expect(checkOrgCode(code.slice(0, 8) + c).ok).toBe(false);
      }
    }
  });

  it('swapping two adjacent different digits is always detected', () => {
    for (const code of digitCodes) {
      for (let i = 0; i < 8; i++) {
        if (code[i] === code[i + 1] || !/\d/.test(code[i + 1])) continue;
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        if (checkOrgCode(swapped).ok) throw new Error(`${code} → ${swapped} undetected`);
      }
    }
  });

  it('never throws on random input', () => {
    const rnd = seededRandom(5);
    const chars = `${BODY_CHARS}xz- .E+'"；Ｘ中\u0000`;
    for (let i = 0; i < 3000; i++) {
      const s = Array.from({ length: rnd.int(0, 14) }, () => rnd.pick(chars)).join('');
      const r = checkOrgCode(s);
      if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
      else expect(r.value).toMatch(/^[0-9A-Z]{8}[0-9X]$/);
    }
  });
});
