import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.js';
import {
  checkUscc,
  computeUsccCheck,
  isBaseUnionUscc,
  isTradeUnionUscc,
  makeUscc,
  normalizeUscc,
  usccAlphabet,
} from './uscc.js';

const reasonOf = (r: { ok: boolean; reason?: string }) => r.reason;

describe('RULES.md vectors', () => {
  it('91110000600037341L is valid with a valid check', () => {
    expect(checkUscc('91110000600037341L')).toEqual({ ok: true, value: '91110000600037341L', checkDigitValid: true });
    expect(computeUsccCheck('91110000600037341')).toBe('L');
  });

  it('a right-shaped code with a wrong check is flagged, not rejected', () => {
    expect(checkUscc('91110000600037341A')).toEqual({ ok: true, value: '91110000600037341A', checkDigitValid: false });
    expect(checkUscc('911100006000373410')).toEqual({ ok: true, value: '911100006000373410', checkDigitValid: false });
  });

  it('a code that happens to read like digits-E-digits is not mistaken for Excel notation', () => {
    const value = makeUscc('9111000060E003734');
    expect(checkUscc(value)).toEqual({ ok: true, value, checkDigitValid: true });
  });

  it('exactly one of the 31 possible check characters is valid', () => {
    const valid = Array.from(usccAlphabet).filter((c) => {
      const r = checkUscc(`91110000600037341${c}`);
      return r.ok && r.checkDigitValid;
    });
    expect(valid).toEqual(['L']);
  });
});

describe('usccAlphabet', () => {
  it('has 31 characters and none of I, O, S, V, Z', () => {
    expect(usccAlphabet).toHaveLength(31);
    expect(new Set(usccAlphabet).size).toBe(31);
    expect(usccAlphabet).not.toMatch(/[IOSVZ]/);
  });
});

describe('normalizeUscc / input handling', () => {
  it.each([
    ['91110000600037341l', '91110000600037341L'],
    [' 9111 0000 6000 3734 1L ', '91110000600037341L'],
    ['９１１１００００６０００３７３４１Ｌ', '91110000600037341L'],
    ['\u200b91110000600037341L\u3000', '91110000600037341L'],
  ])('%j → %s', (raw, value) => {
    expect(normalizeUscc(raw)).toBe(value);
    expect(checkUscc(raw)).toEqual({ ok: true, value, checkDigitValid: true });
  });

  it.each([
    ['', '请填写'],
    ['   ', '请填写'],
    ['9.11100006E+17', '科学计数法'],
    ['91110000600037341', '应为18位，当前为17位'],
    ['91110000600037341LL', '应为18位，当前为19位'],
    ['9111000060003734OL', '第17位的“O”'],
    ['9111000060003734ol', '第17位的“O”'],
    ['I1110000600037341L', '不使用字母 I、O、S、V、Z'],
    ['91110000600037341S', '第18位的“S”'],
    ['91110000600037341V', '第18位'],
    ['91110000600037341Z', '第18位'],
    ['9111000060003734-L', '第17位的“-”'],
    ['91110000600037341中', '第18位的“中”'],
    ['91A10000600037341L', '第3–8位是行政区划代码'],
    ["'; drop table orgs;--", '第1位的“\'”'],
    ["9111'; drop tablexx;", '第5位的“\'”'],
    ["9111'; drop table members;--", '应为18位'],
  ])('%j fails with %j', (raw, fragment) => {
    const r = checkUscc(raw);
    expect(r.ok).toBe(false);
    expect(reasonOf(r)).toContain(fragment);
  });

  it('refuses a very long string without echoing it', () => {
    const r = checkUscc('9'.repeat(1_000_000));
    expect(r.ok).toBe(false);
    expect(reasonOf(r)).toContain('过长');
  });

  it('rejects non-string input at runtime instead of throwing', () => {
    for (const bad of [undefined, null, 911100006, {}]) expect(checkUscc(bad as unknown as string).ok).toBe(false);
  });
});

describe('computeUsccCheck / makeUscc', () => {
  it('makes the RULES.md vector', () => {
    expect(makeUscc('91110000600037341')).toBe('91110000600037341L');
  });

  it('maps a weighted sum of 0 to check 0', () => {
    expect(computeUsccCheck('00000000000000000')).toBe('0');
  });

  it.each(['', '9111000060003734', '911100006000373411', '9111000060003734O', '91110000600037341'.toLowerCase().replace('1', 'i')])(
    'computeUsccCheck(%j) throws',
    (bad) => {
      expect(() => computeUsccCheck(bad)).toThrow(RangeError);
    },
  );
});

describe('trade union codes', () => {
  it.each([
    ['81110000MC0000000X', true, true],
    ['82110000MC0000000X', true, false],
    ['91110000600037341L', false, false],
    ['', false, false],
  ])('%s: union %s, base union %s', (code, union, base) => {
    expect(isTradeUnionUscc(code)).toBe(union);
    expect(isBaseUnionUscc(code)).toBe(base);
  });
});

// ---------------------------------------------------------------------------------------
// Property tests on 2000 generated codes.

function randomCodes(seed: number, count: number): string[] {
  const rnd = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const registrar = rnd.pick(['1', '5', '8', '9', 'Y']);
    const kind = rnd.pick(['1', '2', '3', '9']);
    const region = String(rnd.int(110000, 659999));
    const body = Array.from({ length: 9 }, () => rnd.pick(usccAlphabet)).join('');
    return makeUscc(registrar + kind + region + body);
  });
}

const detected = (raw: string) => {
  const r = checkUscc(raw);
  return !r.ok || !r.checkDigitValid;
};

describe('properties (2000 generated codes)', () => {
  const codes = randomCodes(32100, 2000);

  it('every generated code is valid', () => {
    for (const value of codes) expect(checkUscc(value)).toEqual({ ok: true, value, checkDigitValid: true });
  });

  it('any single-character substitution within the alphabet is detected (check fails or shape fails)', () => {
    let tried = 0;
    for (const value of codes) {
      for (let i = 0; i < 18; i++) {
        for (const c of usccAlphabet) {
          if (c === value[i]) continue;
          const mutated = value.slice(0, i) + c + value.slice(i + 1);
          tried++;
          if (!detected(mutated)) throw new Error(`${value} → ${mutated} undetected`);
        }
      }
    }
    expect(tried).toBe(2000 * 18 * 30);
  });

  it('substituting a character outside the alphabet is a hard failure', () => {
    for (const value of codes.slice(0, 200)) {
      for (let i = 0; i < 18; i++) {
        for (const c of 'IOSVZ-*') {
          expect(checkUscc(value.slice(0, i) + c + value.slice(i + 1)).ok).toBe(false);
        }
      }
    }
  });

  it('swapping two adjacent different characters is detected', () => {
    for (const value of codes) {
      for (let i = 0; i < 17; i++) {
        if (value[i] === value[i + 1]) continue;
        const swapped = value.slice(0, i) + value[i + 1] + value[i] + value.slice(i + 2);
        if (!detected(swapped)) throw new Error(`${value} → ${swapped} undetected`);
      }
    }
  });

  it('never throws on random input', () => {
    const rnd = seededRandom(99);
    const chars = `${usccAlphabet}IOSVZ ioz-.E+'";\u3000Ｌ中\u0000`;
    for (let i = 0; i < 3000; i++) {
      const s = Array.from({ length: rnd.int(0, 24) }, () => rnd.pick(chars)).join('');
      const r = checkUscc(s);
      if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
      else expect(r.value).toMatch(/^[0-9A-HJ-NP-RTUWXY]{18}$/);
    }
  });
});
