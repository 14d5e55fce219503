import { describe, expect, it } from 'vitest';
import { compactUpper, isScientificNotation, scientificNotationReason, showChar } from './text.js';

describe('compactUpper', () => {
  it.each([
    ['ａｂｃ １２３', 'ABC123'],
    ['\u00ada\u200bb\u200cc\u200dd\u200ee\u200ff\u2060g\ufeffh', 'ABCDEFGH'],
    ['\t x \n y \u3000 z\u00a0', 'XYZ'],
    ['', ''],
  ])('%j → %j', (raw, expected) => {
    expect(compactUpper(raw)).toBe(expected);
  });

  it('returns "" for non-strings', () => {
    expect(compactUpper(42 as unknown as string)).toBe('');
  });
});

describe('isScientificNotation', () => {
  it.each(['3.40524E+17', '3.40524e+17', '1E+10', '340524E+12'])('%s is Excel notation', (s) => {
    expect(isScientificNotation(s)).toBe(true);
  });

  it.each(['3.40524E17', '2E4878035', '3.4E-17', 'E+17', '3.E+17', '340524198001010013', ''])('%s is not', (s) => {
    expect(isScientificNotation(s)).toBe(false);
  });

  it('the reason names the field and the fix', () => {
    expect(scientificNotationReason('手机号')).toMatch(/^手机号被 Excel 转成了科学计数法.*文本/);
  });
});

describe('showChar', () => {
  it.each([
    ['O', '“O”'],
    ['中', '“中”'],
    ["'", '“\'”'],
    [' ', 'U+0020'],
    ['\u0000', 'U+0000'],
    ['\u00ad', 'U+00AD'],
  ])('%j → %s', (c, shown) => {
    expect(showChar(c)).toBe(shown);
  });
});
