import { describe, expect, it } from 'vitest';
import { formatMoney, formatYuan, formatYuanShare } from '@/lib/format/money';
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

describe('a share of an amount, exactly', () => {
  it.each([
    [298_509n, 151n, '19.7688'], // 2,985.09 元 over 151 days = 19.76880794…
    [100n, 3n, '0.3333'],
    [200n, 3n, '0.6667'],
    [1n, 8n, '0.0013'], // 0.00125 rounds half up
    [0n, 151n, '0.0000'],
    [600_000n, 1n, '6000.0000'],
  ])('%s fen over %s reads %s yuan', (fen, parts, text) => expect(formatYuanShare(fen, parts)).toBe(text));

  it('rounds half up where floating point would not', () => {
    // 3 fen over 8 is 0.00375 yuan: in doubles it reads 0.0037; the exact half goes up.
    expect((3 / 8 / 100).toFixed(4)).toBe('0.0037');
    expect(formatYuanShare(3n, 8n)).toBe('0.0038');
  });

  it('refuses what has no share', () => {
    expect(() => formatYuanShare(100n, 0n)).toThrow(RangeError);
    expect(() => formatYuanShare(-1n, 3n)).toThrow(RangeError);
  });
});

describe('time formatting in Asia/Shanghai', () => {
  it('shows UTC instants in Shanghai wall-clock time', () => {
    expect(formatDateTime(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01 00:00');
    expect(formatDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
});
