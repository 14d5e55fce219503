import { describe, expect, it } from 'vitest';
import { chinaToday, daysInMonth, formatDate, isLeapYear, isRealDate } from './calendar.js';

describe('calendar', () => {
  it.each([
    [2000, true],
    [2024, true],
    [1900, false],
    [2100, false],
    [2023, false],
  ])('isLeapYear(%i) = %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it('daysInMonth agrees with the JavaScript calendar for 1900–2100', () => {
    for (let y = 1900; y <= 2100; y++) {
      for (let m = 1; m <= 12; m++) expect(daysInMonth(y, m)).toBe(new Date(Date.UTC(y, m, 0)).getUTCDate());
    }
  });

  it.each([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [2023, 4, 31, false],
    [2023, 12, 31, true],
    [2023, 0, 1, false],
    [2023, 13, 1, false],
    [2023, 1, 0, false],
    [2023, 1.5, 1, false],
    [Number.NaN, 1, 1, false],
  ])('isRealDate(%d, %d, %d) = %s', (y, m, d, ok) => {
    expect(isRealDate(y, m, d)).toBe(ok);
  });

  it('formats with zero padding', () => {
    expect(formatDate(1949, 1, 5)).toBe('1949-01-05');
    expect(formatDate(985, 12, 31)).toBe('0985-12-31');
  });

  it('chinaToday is the date in UTC+8', () => {
    expect(chinaToday(new Date('2024-05-31T15:59:59Z'))).toBe('2024-05-31');
    expect(chinaToday(new Date('2024-05-31T16:00:00Z'))).toBe('2024-06-01');
    expect(chinaToday()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
