import { describe, expect, it } from 'vitest';
import { faceValueYuan, fenToYuan, formatYuan, yuanInWords, yuanToFen } from './money.js';

describe('formatYuan', () => {
  it('shows fen as yuan with thousands separators', () => {
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(3000)).toBe('30.00');
    expect(formatYuan(360000)).toBe('3,600.00');
    expect(formatYuan(123456789)).toBe('1,234,567.89');
  });
});

describe('yuanInWords', () => {
  it.each([
    [0, '零元整'],
    [100, '壹元整'],
    [3000, '叁拾元整'],
    [360000, '叁仟陆佰元整'],
    [12345, '壹佰贰拾叁元肆角伍分'],
    [10005, '壹佰元零伍分'],
    [10050, '壹佰元伍角整'],
    [100100, '壹仟零壹元整'],
    [1000000, '壹万元整'],
    [10010000, '壹拾万零壹佰元整'],
    [1000000000, '壹仟万元整'],
    [10000100000, '壹亿零壹仟元整'],
    [4500000, '肆万伍仟元整'],
    [4050000, '肆万零伍佰元整'],
  ])('%i fen → %s', (fen, words) => expect(yuanInWords(fen)).toBe(words));

  it('refuses what is not a whole, non-negative number of fen', () => {
    expect(() => yuanInWords(-1)).toThrow();
    expect(() => yuanInWords(1.5)).toThrow();
  });
});

describe('yuanToFen / fenToYuan / faceValueYuan', () => {
  it('turns what people type into whole fen, float noise rounded away, and back', () => {
    expect(yuanToFen(58.8)).toBe(5880);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen(0)).toBe(0);
    expect(yuanToFen(undefined)).toBeUndefined();
    expect(yuanToFen(null)).toBeUndefined();
    expect(fenToYuan(5880)).toBe(58.8);
    for (const fen of [0, 1, 99, 100, 1999, 5880, 123456789]) expect(yuanToFen(fenToYuan(fen))).toBe(fen);
  });

  it('shows a face value without needless decimals', () => {
    expect(faceValueYuan(5000)).toBe('50');
    expect(faceValueYuan(1250)).toBe('12.50');
    expect(faceValueYuan(5880)).toBe('58.80');
    expect(faceValueYuan(1)).toBe('0.01');
    expect(faceValueYuan(0)).toBe('0');
  });
});
