import { describe, expect, it } from 'vitest';
import { formatMoney, formatYuan } from '@/lib/format/money';
import { formatDate, formatDateTime } from '@/lib/format/time';

describe('money formatting', () => {
  it.each([
    [0n, '0.00'],
    [5n, '0.05'],
    [240000n, '2,400.00'],
    [375278n, '3,752.78'],
    [123456789n, '1,234,567.89'],
    [-6942n, '-69.42'],
  ])('%s fen reads %s', (fen, text) => expect(formatYuan(fen)).toBe(text));

  it('prefixes the yuan sign', () => {
    expect(formatMoney(143824n)).toBe('¥1,438.24');
    expect(formatMoney(-100n)).toBe('-¥1.00');
  });
});

describe('time formatting in Asia/Shanghai', () => {
  it('shows UTC instants in Shanghai wall-clock time', () => {
    expect(formatDateTime(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01 00:00');
    expect(formatDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
});
