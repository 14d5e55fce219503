import { describe, expect, it } from 'vitest';
import {
  checkIdNumber,
  computeIdCheck,
  idTypeLabels,
  idTypes,
  makeIdNumber,
  normalizeIdNumber,
  upgradeLegacyIdNumber,
  type IdType,
} from './id-number.js';
import { formatDate, daysInMonth } from './calendar.js';
import { seededRandom } from './seeded-random.js';

const today = new Date('2025-06-15T04:00:00Z'); // 2025-06-15 12:00 in Beijing
const reasonOf = (r: { ok: boolean; reason?: string } | { ok: true }) => ('reason' in r ? r.reason : undefined);

describe('RULES.md vectors', () => {
  it('11010519491231002X is valid, born 1949-12-31, female', () => {
    expect(checkIdNumber('11010519491231002X')).toEqual({
      ok: true,
      value: '11010519491231002X',
      sex: 'female',
      birthDate: '1949-12-31',
    });
  });

  it('360426199101010071 is valid (male, 1991-01-01)', () => {
    expect(checkIdNumber('360426199101010071')).toEqual({
      ok: true,
      value: '360426199101010071',
      sex: 'male',
      birthDate: '1991-01-01',
    });
  });

  it('340524198001010013 is invalid and says the check should be X', () => {
    const r = checkIdNumber('340524198001010013');
    expect(r.ok).toBe(false);
    expect(reasonOf(r)).toContain('校验位应为X');
    expect(checkIdNumber('34052419800101001X').ok).toBe(true);
  });

  it('Excel scientific notation 3.40524E+17 is an error that says so', () => {
    const r = checkIdNumber('3.40524E+17');
    expect(r.ok).toBe(false);
    expect(reasonOf(r)).toContain('科学计数法');
    expect(reasonOf(r)).toContain('文本');
  });

  it('legacy 610104620927690 upgrades to 610104196209276908', () => {
    expect(upgradeLegacyIdNumber('610104620927690')).toBe('610104196209276908');
    expect(checkIdNumber('610104196209276908')).toMatchObject({ ok: true, sex: 'female', birthDate: '1962-09-27' });
  });

  it('HMT residence permit 810000199408230021 is valid', () => {
    expect(checkIdNumber('810000199408230021', 'hmt_residence_permit')).toEqual({
      ok: true,
      value: '810000199408230021',
      sex: 'female',
      birthDate: '1994-08-23',
    });
  });

  it('2023 foreigner card 932682198501010017 is valid (Jiangsu, Saudi Arabia, 1985-01-01, male)', () => {
    expect(checkIdNumber('932682198501010017', 'foreign_permanent_id')).toEqual({
      ok: true,
      value: '932682198501010017',
      sex: 'male',
      birthDate: '1985-01-01',
    });
  });
});

describe('normalizeIdNumber', () => {
  it.each([
    ['11010519491231002x', '11010519491231002X'],
    ['11010519491231002Ｘ', '11010519491231002X'],
    ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X'],
    ['１１０１０５１９４９１２３１００２ｘ', '11010519491231002X'],
    ['  110105 19491231 002X  ', '11010519491231002X'],
    ['\t110105\u300019491231\u00a0002X\n', '11010519491231002X'],
    ['\u200b11010519491231002X\ufeff', '11010519491231002X'],
    ['110105\u00ad19491231\u200e002X', '11010519491231002X'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeIdNumber(raw)).toBe(expected);
  });

  it('returns "" for a non-string at runtime', () => {
    expect(normalizeIdNumber(undefined as unknown as string)).toBe('');
  });
});

describe('checkIdNumber — resident ID input handling', () => {
  it.each(['11010519491231002x', '１１０１０５１９４９１２３１００２Ｘ', ' 110105 1949 1231 002X ', '11010519491231002Ｘ'])(
    'accepts pasted variant %j',
    (raw) => {
      expect(checkIdNumber(raw)).toMatchObject({ ok: true, value: '11010519491231002X' });
    },
  );

  it.each([
    ['', '请填写'],
    ['   ', '请填写'],
    ['3.40524E+17', '科学计数法'],
    ['3.40524e+17', '科学计数法'],
    ['3.40524198001E+17', '科学计数法'],
    ['3.40524E17', '应为18位'],
    ['１．４２３２６Ｅ＋１７', '科学计数法'],
    ['1101051949123100', '应为18位，当前为16位'],
    ['11010519491231002', '应为18位，当前为17位'],
    ['11010519491231002X1', '应为18位，当前为19位'],
    ['1101051949123100X2', '第17位是“X”'],
    ['11010519491231O02X', '第15位是“O”'],
    ['11010519491231002Y', '最后一位只能是数字或X'],
    ["'; drop table members;--", '应为18位'],
    ["110105'; drop table;", '第7位是“\'”'],
    ['<script>alert(1)</script>', '应为18位'],
    ['11010519491231-02X', '第15位是“-”'],
  ])('%j fails with a reason containing %j', (raw, fragment) => {
    const r = checkIdNumber(raw, 'resident_id', { today });
    expect(r.ok).toBe(false);
    expect(reasonOf(r)).toContain(fragment);
  });

  it('refuses a very long string quickly without echoing it', () => {
    const r = checkIdNumber('1'.repeat(100_000));
    expect(r.ok).toBe(false);
    expect(reasonOf(r)).toContain('过长');
    expect(reasonOf(r)!.length).toBeLessThan(100);
  });

  it('rejects non-string input at runtime instead of throwing', () => {
    for (const bad of [undefined, null, 340524198001010000, {}, []]) {
      expect(checkIdNumber(bad as unknown as string).ok).toBe(false);
    }
  });

  it('shows invisible characters by code point, not as blank', () => {
    const r = checkIdNumber('110105194912310\u00012X');
    expect(r.ok).toBe(false);
    expect(reasonOf(r)).toContain('U+0001');
  });

  it('rejects an unknown id type from an untyped caller', () => {
    const r = checkIdNumber('11010519491231002X', 'driver_licence' as IdType);
    expect(r).toEqual({ ok: false, reason: '不支持的证件类型' });
  });
});

describe('checkIdNumber — birth date', () => {
  const id = (date8: string, seq = '001') => {
    const first17 = `110105${date8}${seq}`;
    return first17 + computeIdCheck(first17);
  };

  it.each([
    ['19800230', '不是有效日期'],
    ['19810229', '不是有效日期'],
    ['19000229', '不是有效日期'], // 1900 is not a leap year
    ['19801301', '不是有效日期'],
    ['19800001', '不是有效日期'],
    ['19800100', '不是有效日期'],
    ['19800431', '不是有效日期'],
    ['18991231', '早于1900年'],
    ['20250616', '晚于今天'],
    ['20991231', '晚于今天'],
  ])('%s fails with %j', (date8, fragment) => {
    const r = checkIdNumber(id(date8), 'resident_id', { today });
    expect(r.ok).toBe(false);
    expect(reasonOf(r)).toContain(fragment);
  });

  it.each([
    ['20000229', '2000-02-29'],
    ['19840229', '1984-02-29'],
    ['19000101', '1900-01-01'],
    ['20250615', '2025-06-15'],
    ['19991231', '1999-12-31'],
  ])('%s is a real past-or-today date', (date8, iso) => {
    expect(checkIdNumber(id(date8), 'resident_id', { today })).toMatchObject({ ok: true, birthDate: iso });
  });

  it('uses China time for "today": 16:30 UTC on 31 May is already 1 June in Beijing', () => {
    const lateUtc = new Date('2024-05-31T16:30:00Z');
    expect(checkIdNumber(id('20240601'), 'resident_id', { today: lateUtc }).ok).toBe(true);
    expect(checkIdNumber(id('20240602'), 'resident_id', { today: lateUtc }).ok).toBe(false);
  });

  it('defaults to the real clock: a child born in 2099 is in the future', () => {
    expect(checkIdNumber(id('20991231')).ok).toBe(false);
  });
});

describe('checkIdNumber — sex from the 17th digit', () => {
  it.each([
    ['000', 'female'],
    ['001', 'male'],
    ['118', 'female'],
    ['999', 'male'],
  ] as const)('sequence %s → %s', (seq, sex) => {
    const first17 = `11010519800101${seq}`;
    expect(checkIdNumber(first17 + computeIdCheck(first17))).toMatchObject({ ok: true, sex });
  });
});

describe('checkIdNumber — address code and document-type hints', () => {
  it.each([
    ['810000199408230021', '港澳台居民居住证'],
    [makeIdNumber({ birthDate: '1990-01-01', sex: 'male', addressCode: '820000' }), '港澳台居民居住证'],
    [makeIdNumber({ birthDate: '1990-01-01', sex: 'male', addressCode: '830000' }), '港澳台居民居住证'],
    ['932682198501010017', '外国人永久居留身份证'],
  ])('%s entered as a resident ID points to the right document type', (value, label) => {
    const r = checkIdNumber(value);
    expect(r.ok).toBe(false);
    expect(reasonOf(r)).toContain(label);
  });

  it.each(['00', '10', '16', '20', '24', '30', '38', '40', '47', '49', '55', '60', '66', '70', '71', '80', '84'])(
    'province %s is not a mainland code',
    (province) => {
      const r = checkIdNumber(makeIdNumber({ birthDate: '1990-01-01', sex: 'male', addressCode: `${province}0101` }));
      expect(r.ok).toBe(false);
      expect(reasonOf(r)).toContain(`前两位 ${province}`);
    },
  );
});

describe('checkIdNumber — legacy 15-digit numbers', () => {
  it('says the number is the old format and suggests the upgraded one', () => {
    const r = checkIdNumber('610104620927690');
    expect(r.ok).toBe(false);
    expect(reasonOf(r)).toContain('15位');
    expect(reasonOf(r)).toContain('610104196209276908');
  });

  it('does not suggest an upgrade when the date inside is invalid', () => {
    const r = checkIdNumber('610104621327690');
    expect(r.ok).toBe(false);
    expect(reasonOf(r)).toContain('出生日期无效');
  });
});

describe('upgradeLegacyIdNumber', () => {
  it.each([
    ['610104620927690', '610104196209276908'],
    ['６１０１０４６２０９２７６９０', '610104196209276908'],
    [' 610104 620927 690 ', '610104196209276908'],
  ])('%j → %s', (raw, expected) => {
    expect(upgradeLegacyIdNumber(raw)).toBe(expected);
  });

  it.each(['', '61010462092769', '6101046209276900', '61010462092769X', '610104621327690', '610104620230690', 'abc'])(
    '%j is not an upgradable legacy number',
    (raw) => {
      expect(upgradeLegacyIdNumber(raw)).toBeNull();
    },
  );

  it('always yields a number that checkIdNumber accepts with the same date and sex', () => {
    const rnd = seededRandom(15);
    for (let i = 0; i < 500; i++) {
      const yy = String(rnd.int(0, 99)).padStart(2, '0');
      const mm = rnd.int(1, 12);
      const dd = rnd.int(1, daysInMonth(1900 + Number(yy), mm));
      const seq = String(rnd.int(0, 999)).padStart(3, '0');
      const legacy = `110105${yy}${String(mm).padStart(2, '0')}${String(dd).padStart(2, '0')}${seq}`;
      const upgraded = upgradeLegacyIdNumber(legacy)!;
      expect(checkIdNumber(upgraded, 'resident_id', { today })).toMatchObject({
        ok: true,
        birthDate: formatDate(1900 + Number(yy), mm, dd),
        sex: Number(seq[2]) % 2 === 1 ? 'male' : 'female',
      });
    }
  });
});

describe('computeIdCheck / makeIdNumber', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['36042619910101007', '1'],
    ['34052419800101001', 'X'],
    ['61010419620927690', '8'],
    ['81000019940823002', '1'],
    ['93268219850101001', '7'],
  ])('check of %s is %s', (first17, check) => {
    expect(computeIdCheck(first17)).toBe(check);
  });

  it.each(['', '1101051949123100', '110105194912310020', '1101051949123100A', '１１０１０５１９４９１２３１００２'])(
    'computeIdCheck(%j) throws',
    (bad) => {
      expect(() => computeIdCheck(bad)).toThrow(RangeError);
    },
  );

  it('rebuilds the RULES.md vectors', () => {
    expect(makeIdNumber({ birthDate: '1949-12-31', sex: 'female', addressCode: '110105', seq: 2 })).toBe('11010519491231002X');
    expect(makeIdNumber({ birthDate: '1991-01-01', sex: 'male', addressCode: '360426', seq: 7 })).toBe('360426199101010071');
    expect(makeIdNumber({ birthDate: '1994-08-23', sex: 'female', addressCode: '810000', seq: 2 })).toBe('810000199408230021');
    expect(makeIdNumber({ birthDate: '1985-01-01', sex: 'male', addressCode: '932682', seq: 1 })).toBe('932682198501010017');
  });

  it('defaults to a Beijing address code and a sequence of the right parity', () => {
    expect(checkIdNumber(makeIdNumber({ birthDate: '1970-05-20', sex: 'male' }))).toMatchObject({ ok: true, sex: 'male' });
    expect(checkIdNumber(makeIdNumber({ birthDate: '1970-05-20', sex: 'female' }))).toMatchObject({ ok: true, sex: 'female' });
    expect(makeIdNumber({ birthDate: '1970-05-20', sex: 'female' }).slice(0, 6)).toBe('110105');
  });

  it.each([
    [{ birthDate: '1980-02-30', sex: 'male' }],
    [{ birthDate: '19800101', sex: 'male' }],
    [{ birthDate: '1980-01-01', sex: 'male', addressCode: '11010' }],
    [{ birthDate: '1980-01-01', sex: 'male', addressCode: '11010A' }],
    [{ birthDate: '1980-01-01', sex: 'male', seq: 2 }],
    [{ birthDate: '1980-01-01', sex: 'female', seq: 1 }],
    [{ birthDate: '1980-01-01', sex: 'male', seq: 1001 }],
    [{ birthDate: '1980-01-01', sex: 'male', seq: -1 }],
    [{ birthDate: '1980-01-01', sex: 'male', seq: 1.5 }],
  ] as const)('throws on %j', (input) => {
    expect(() => makeIdNumber(input)).toThrow(RangeError);
  });
});

describe('checkIdNumber — HMT residence permit', () => {
  it.each(['820000', '830000'])('accepts address code %s', (code) => {
    const v = makeIdNumber({ birthDate: '2001-07-01', sex: 'male', addressCode: code, seq: 11 });
    expect(checkIdNumber(v, 'hmt_residence_permit')).toMatchObject({ ok: true, sex: 'male', birthDate: '2001-07-01' });
  });

  it.each(['810001', '110105', '800000', '840000'])('rejects address code %s', (code) => {
    const r = checkIdNumber(makeIdNumber({ birthDate: '2001-07-01', sex: 'male', addressCode: code }), 'hmt_residence_permit');
    expect(r.ok).toBe(false);
    expect(reasonOf(r)).toContain('810000');
  });

  it('still verifies the check character', () => {
    const r = checkIdNumber('810000199408230022', 'hmt_residence_permit');
    expect(reasonOf(r)).toContain('校验位应为1');
  });

  it('rejects the wrong length', () => {
    expect(reasonOf(checkIdNumber('81000019940823002', 'hmt_residence_permit'))).toContain('应为18位');
  });
});

describe('checkIdNumber — foreigner permanent residence card', () => {
  it('accepts the 2017 format (format only, no sex or birth date)', () => {
    expect(checkIdNumber('USA330077120515', 'foreign_permanent_id')).toEqual({ ok: true, value: 'USA330077120515' });
    expect(checkIdNumber(' usa 330077120515 ', 'foreign_permanent_id')).toEqual({ ok: true, value: 'USA330077120515' });
  });

  it.each([
    ['US3300771205150', '应为18位'],
    ['USA33007712051', '应为18位'],
    ['USA3300771205150', '应为18位'],
    ['832682198501010017', '应为18位'],
    ['900682198501010017', '省级地区代码'],
    ['932000198501010017', '国籍代码'],
    ['932682198502300017', '不是有效日期'],
    ['932682198501010018', '校验位应为7'],
  ])('%s fails with %j', (raw, fragment) => {
    const r = checkIdNumber(raw, 'foreign_permanent_id');
    expect(r.ok).toBe(false);
    expect(reasonOf(r)).toContain(fragment);
  });
});

describe('checkIdNumber — passports and permits (format only)', () => {
  it.each([
    ['passport', 'E12345678', 'E12345678'],
    ['passport', 'ea1234567', 'EA1234567'],
    ['passport', 'G 1234 5678', 'G12345678'],
    ['passport', '５３３３８０００６', '533380006'],
    ['passport', 'AB123', 'AB123'],
    ['passport', 'A1234567890123456789', 'A1234567890123456789'],
    ['hk_macau_permit', 'H12345678', 'H12345678'],
    ['hk_macau_permit', 'm1234567801', 'M1234567801'],
    ['hk_macau_permit', 'H-1234-5678', 'H12345678'],
    ['taiwan_permit', '12345678', '12345678'],
    ['taiwan_permit', '1234567890', '1234567890'],
    ['taiwan_permit', '1234567890(B)', '1234567890B'],
    ['taiwan_permit', '1234567890（b）', '1234567890B'],
  ] as const)('%s %j → %s', (type, raw, value) => {
    expect(checkIdNumber(raw, type)).toEqual({ ok: true, value });
  });

  it.each([
    ['passport', 'ABCDEFGH'],
    ['passport', 'E123'],
    ['passport', 'A12345678901234567890'],
    ['passport', "E1234'; drop table x;"],
    ['passport', 'E1234567_'],
    ['passport', '护照E1234567'],
    ['hk_macau_permit', 'X12345678'],
    ['hk_macau_permit', 'H1234567'],
    ['hk_macau_permit', 'H123456789'],
    ['taiwan_permit', '1234567'],
    ['taiwan_permit', '123456789'],
    ['taiwan_permit', 'T1234567'],
    ['taiwan_permit', '1234567890BB'],
  ] as const)('%s %j is rejected with a Chinese reason', (type, raw) => {
    const r = checkIdNumber(raw, type);
    expect(r.ok).toBe(false);
    expect(reasonOf(r)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('the Excel and empty checks apply to every type', () => {
    for (const type of idTypes) {
      expect(reasonOf(checkIdNumber('', type))).toContain('请填写');
      expect(reasonOf(checkIdNumber('1.23457E+11', type))).toContain('科学计数法');
    }
  });
});

describe('idTypes / idTypeLabels', () => {
  it('lists the six document types with their Chinese labels', () => {
    expect(idTypes).toEqual([
      'resident_id',
      'hmt_residence_permit',
      'foreign_permanent_id',
      'passport',
      'hk_macau_permit',
      'taiwan_permit',
    ]);
    expect(idTypeLabels).toEqual({
      resident_id: '居民身份证',
      hmt_residence_permit: '港澳台居民居住证',
      foreign_permanent_id: '外国人永久居留身份证',
      passport: '护照',
      hk_macau_permit: '港澳居民来往内地通行证',
      taiwan_permit: '台湾居民来往大陆通行证',
    });
  });
});

// ---------------------------------------------------------------------------------------
// Property tests: a seeded generator, so a failure is reproducible from the seed.

const PROVINCES = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41',
  '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'];

function randomIds(seed: number, count: number) {
  const rnd = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const year = rnd.int(1900, 2024);
    const month = rnd.int(1, 12);
    const day = rnd.int(1, daysInMonth(year, month));
    const seq = rnd.int(0, 999);
    const sex = seq % 2 === 1 ? ('male' as const) : ('female' as const);
    const addressCode = rnd.pick(PROVINCES) + String(rnd.int(0, 9999)).padStart(4, '0');
    const birthDate = formatDate(year, month, day);
    return { value: makeIdNumber({ birthDate, sex, addressCode, seq }), birthDate, sex };
  });
}

describe('properties (2000 generated resident IDs)', () => {
  const ids = randomIds(20250615, 2000);

  it('every generated ID is valid and decodes to its birth date and sex', () => {
    for (const { value, birthDate, sex } of ids) {
      expect(checkIdNumber(value, 'resident_id', { today })).toEqual({ ok: true, value, sex, birthDate });
    }
  });

  it('the check character of a generated ID is X about 1 time in 11', () => {
    const xs = ids.filter((i) => i.value.endsWith('X')).length;
    expect(xs).toBeGreaterThan(2000 / 11 / 2);
    expect(xs).toBeLessThan((2000 / 11) * 2);
  });

  it('changing any one of the first 17 digits makes it invalid', () => {
    let tried = 0;
    for (const { value } of ids) {
      for (let i = 0; i < 17; i++) {
        for (const d of '0123456789') {
          if (d === value[i]) continue;
          const mutated = value.slice(0, i) + d + value.slice(i + 1);
          tried++;
          if (checkIdNumber(mutated, 'resident_id', { today }).ok) throw new Error(`${value} → ${mutated} still valid`);
        }
      }
    }
    expect(tried).toBe(2000 * 17 * 9);
  });

  it('changing the check character makes it invalid', () => {
    for (const { value } of ids) {
      for (const c of '0123456789X') {
        if (c === value[17]) continue;
        expect(checkIdNumber(value.slice(0, 17) + c, 'resident_id', { today }).ok).toBe(false);
      }
    }
  });

  it('swapping two adjacent different characters (check included) makes it invalid', () => {
    let tried = 0;
    for (const { value } of ids) {
      for (let i = 0; i < 17; i++) {
        if (value[i] === value[i + 1]) continue;
        const swapped = value.slice(0, i) + value[i + 1] + value[i] + value.slice(i + 2);
        tried++;
        if (checkIdNumber(swapped, 'resident_id', { today }).ok) throw new Error(`${value} → ${swapped} still valid`);
      }
    }
    expect(tried).toBeGreaterThan(2000 * 17 * 0.8);
  });

  it('case, width and spacing never change the verdict', () => {
    const toFullWidth = (s: string) => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    for (const { value } of ids.slice(0, 300)) {
      const variants = [value.toLowerCase(), toFullWidth(value), ` ${value.slice(0, 6)} ${value.slice(6, 14)} ${value.slice(14)} `];
      for (const v of variants) expect(checkIdNumber(v, 'resident_id', { today })).toMatchObject({ ok: true, value });
    }
  });

  it('generated HMT permits and 2023 foreigner cards are valid under their own type only', () => {
    const rnd = seededRandom(7);
    for (const { birthDate, sex } of ids.slice(0, 500)) {
      const seq = rnd.int(0, 499) * 2 + (sex === 'male' ? 1 : 0);
      const hmt = makeIdNumber({ birthDate, sex, seq, addressCode: rnd.pick(['810000', '820000', '830000']) });
      const nationality = String(rnd.int(1, 999)).padStart(3, '0');
      const foreign = makeIdNumber({ birthDate, sex, seq, addressCode: `9${rnd.pick(PROVINCES)}${nationality}` });
      expect(checkIdNumber(hmt, 'hmt_residence_permit', { today })).toEqual({ ok: true, value: hmt, sex, birthDate });
      expect(checkIdNumber(foreign, 'foreign_permanent_id', { today })).toEqual({ ok: true, value: foreign, sex, birthDate });
      expect(checkIdNumber(hmt, 'resident_id', { today }).ok).toBe(false);
      expect(checkIdNumber(foreign, 'resident_id', { today }).ok).toBe(false);
    }
  });

  it('never throws and always explains a rejection, whatever the input', () => {
    const rnd = seededRandom(404);
    const alphabet = '0123456789X xX-.E+\'";<>%\u3000０１Ｘ\u200b中文\ud83d\ude00\u0000\n';
    for (let i = 0; i < 3000; i++) {
      const s = Array.from({ length: rnd.int(0, 30) }, () => rnd.pick(alphabet)).join('');
      for (const type of idTypes) {
        const r = checkIdNumber(s, type, { today });
        if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
        else expect(r.value).toMatch(/^[0-9A-Z]+$/);
      }
    }
  });
});
