import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTariff, shanghaiDateOf, shanghaiMidnight } from '@/lib/billing';
import { instantMs } from '@/lib/billing/shanghai-time';
import { FLAT } from './fixtures';

const intlDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('Asia/Shanghai wall-clock', () => {
  it('agrees with the time-zone database for every instant from 1992 to 2100', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1992-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }), (d) => {
        expect(shanghaiDateOf(d)).toBe(intlDate.format(d));
      }),
    );
  });

  const midnights: { day: string; utc: string }[] = [
    { day: '2026-11-15', utc: '2026-11-14T16:00:00.000Z' },
    { day: '2027-01-01', utc: '2026-12-31T16:00:00.000Z' },
    { day: '2028-02-29', utc: '2028-02-28T16:00:00.000Z' },
  ];
  it.each(midnights)('$day starts at $utc', ({ day, utc }) => {
    expect(shanghaiMidnight(day).toISOString()).toBe(utc);
    expect(shanghaiDateOf(new Date(new Date(utc).getTime() - 1))).not.toBe(day);
    expect(shanghaiDateOf(new Date(utc))).toBe(day);
  });

  it('refuses impossible days', () => {
    expect(() => shanghaiMidnight('2027-02-29')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => shanghaiMidnight('2027-1-1')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  it('reads instants only when their offset is written', () => {
    expect(instantMs('2027-01-01T00:00:00+08:00', 'x')).toBe(Date.parse('2026-12-31T16:00:00Z'));
    expect(instantMs('2026-12-31T16:00:00Z', 'x')).toBe(Date.parse('2026-12-31T16:00:00Z'));
    expect(() => instantMs('2027-01-01T00:00:00', 'x')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => instantMs('2027-01-01', 'x')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});

describe('heating season days', () => {
  const seasons: { firstDay: string; lastDay: string; days: bigint }[] = [
    { firstDay: '2026-11-15', lastDay: '2027-03-15', days: 121n },
    { firstDay: '2027-11-15', lastDay: '2028-03-15', days: 122n }, // 2028 is a leap year
    { firstDay: '2026-10-20', lastDay: '2027-04-20', days: 183n },
    { firstDay: '2026-12-01', lastDay: '2026-12-01', days: 1n },
  ];
  it.each(seasons)('$firstDay .. $lastDay is $days days', ({ firstDay, lastDay, days }) => {
    expect(compileTariff({ ...FLAT, season: { firstDay, lastDay } }).seasonDays).toBe(days);
  });

  it('refuses a season that ends before it starts', () => {
    expect(() => compileTariff({ ...FLAT, season: { firstDay: '2027-03-15', lastDay: '2026-11-15' } })).toThrow(
      expect.objectContaining({ code: 'INVALID_TARIFF' }),
    );
  });
});
