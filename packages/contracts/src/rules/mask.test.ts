import { describe, expect, it } from 'vitest';
import { maskBankCard, maskIdNumber, maskMiddle, maskName } from './mask.js';
import { seededRandom } from './seeded-random.js';

describe('maskIdNumber', () => {
  it.each([
    ['341122198001016755', '3411**********6755'],
    ['11010519491231002X', '1101**********002X'],
    ['610104620927690', '6101*******7690'],
    ['USA330077120515', 'USA3*******0515'],
    ['E12345678', 'E1*****78'],
    ['H1234', 'H***4'],
    ['ABC', '***'],
    ['', ''],
  ])('%j → %j', (value, masked) => {
    expect(maskIdNumber(value)).toBe(masked);
    expect(maskIdNumber(value)).toHaveLength(value.length);
  });
});

describe('maskBankCard', () => {
  it.each([
    ['6222021234567890', '622202******7890'],
    ['6222021234567890123', '622202*********0123'],
    ['62220212345678', '622202****5678'],
    ['6222021234', '62******34'],
  ])('%j → %j', (value, masked) => {
    expect(maskBankCard(value)).toBe(masked);
  });
});

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['张三丰', '张**'],
    ['欧阳娜娜', '欧阳**'],
    ['欧阳修', '欧阳*'],
    ['司马相如', '司马**'],
    ['欧阳', '欧*'],
    ['诸葛亮', '诸葛*'],
    ['买买提·艾力', '买**·**'],
    ['John Smith', 'J*** *****'],
    [' 李四 ', '李*'],
    ['王', '*'],
    ['', ''],
    ['𠀋一', '𠀋*'],
  ])('%j → %j', (value, masked) => {
    expect(maskName(value)).toBe(masked);
  });

  it('does not throw on non-strings', () => {
    expect(maskName(undefined as unknown as string)).toBe('');
  });
});

describe('maskMiddle', () => {
  it('keeps the ends it is asked to when enough stays hidden', () => {
    expect(maskMiddle('abcdefghijkl', 4, 4)).toBe('abcd****ijkl');
    expect(maskMiddle('abcdefghijk', 3, 4)).toBe('abc****hijk');
  });

  it('counts code points, so astral characters are not split', () => {
    expect(maskMiddle('😀😀😀😀😀😀😀😀😀😀😀😀', 4, 4)).toBe('😀😀😀😀****😀😀😀😀');
  });

  it('property: length kept; exact ends when ≥ 4 stay hidden, else quarter ends (at least half hidden)', () => {
    const rnd = seededRandom(4);
    for (let i = 0; i < 2000; i++) {
      const value = Array.from({ length: rnd.int(0, 40) }, () => rnd.pick('0123456789ABCDEFX')).join('');
      const n = value.length;
      const head = rnd.int(0, 8);
      const tail = rnd.int(0, 8);
      const masked = maskMiddle(value, head, tail);
      expect(masked).toHaveLength(n);
      const [h, t] = n - head - tail >= 4 ? [head, tail] : [Math.floor(n / 4), Math.floor(n / 4)];
      expect(masked).toBe(value.slice(0, h) + '*'.repeat(n - h - t) + value.slice(n - t));
      if (n - head - tail < 4) expect(n - h - t).toBeGreaterThanOrEqual(Math.ceil(n / 2));
    }
  });
});
