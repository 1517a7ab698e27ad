import { describe, expect, it } from 'vitest';
import { substandardRefund, type SubstandardDay, type Tariff } from '@/lib/billing';
import { FLAT } from './fixtures';

describe('substandardRefund: bands [lower, upper)', () => {
  // daily fee 240000 / 121 = 1983.47… fen
  const cases: { indoorC: string | number; fen: bigint }[] = [
    { indoorC: 22, fen: 0n },
    { indoorC: '18', fen: 0n }, // 18 °C is up to standard
    { indoorC: '17.99', fen: 397n }, // × 0.20 = 396.69 → 3.97 元
    { indoorC: 16, fen: 397n },
    { indoorC: '15.9', fen: 992n }, // × 0.50 = 991.74 → 9.92 元
    { indoorC: 14, fen: 992n },
    { indoorC: 13.99, fen: 1983n }, // × 1.00 → 19.83 元
    { indoorC: '-3.5', fen: 1983n },
  ];
  it.each(cases)('one day at $indoorC °C refunds $fen fen', ({ indoorC, fen }) => {
    expect(substandardRefund(FLAT, 240000n, [{ date: '2026-12-01', indoorC }])).toBe(fen);
  });

  it('rounds the sum of shares once, not day by day', () => {
    // 5 days × 0.20 = 1.0 day → 1983.47 → 19.83 元 (day by day would be 5 × 397 = 19.85 元)
    const days = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05'].map((date) => ({ date, indoorC: 17 }));
    expect(substandardRefund(FLAT, 240000n, days)).toBe(1983n);
  });

  it('uses the tariff’s own bands when it has them', () => {
    const strict: Tariff = {
      ...FLAT,
      substandardRefund: [
        { lowerC: null, upperC: '16', share: '1' },
        { lowerC: '16', upperC: null, share: '0' },
      ],
    };
    expect(substandardRefund(strict, 240000n, [{ date: '2026-12-01', indoorC: 17 }])).toBe(0n);
    expect(substandardRefund(strict, 240000n, [{ date: '2026-12-01', indoorC: 15 }])).toBe(1983n); // 19.83 元
  });

  it('no days refunds nothing', () => {
    expect(substandardRefund(FLAT, 240000n, [])).toBe(0n);
  });
});

describe('substandardRefund: days', () => {
  const ok: SubstandardDay[] = [
    { date: '2026-11-15', indoorC: 10 }, // first heating day
    { date: '2027-03-15', indoorC: 10 }, // last heating day
  ];
  it('counts the first and last heating days', () => {
    expect(substandardRefund(FLAT, 240000n, ok)).toBe(3967n); // 2 × 1983.47 = 39.67 元
  });

  it('reads a Date as its Shanghai calendar day', () => {
    // 2026-12-01 07:30 in Shanghai is still 2026-11-30 in UTC
    const morning = new Date('2026-12-01T07:30:00+08:00');
    expect(() =>
      substandardRefund(FLAT, 240000n, [
        { date: '2026-12-01', indoorC: 10 },
        { date: morning, indoorC: 10 },
      ]),
    ).toThrow(expect.objectContaining({ code: 'INVALID_SUBSTANDARD_DAY' }));
    // 2026-11-15 00:30 Shanghai is 2026-11-14 in UTC but inside the season
    expect(substandardRefund(FLAT, 240000n, [{ date: new Date('2026-11-15T00:30:00+08:00'), indoorC: 10 }])).toBe(1983n);
  });

  const bad: { name: string; days: SubstandardDay[] }[] = [
    { name: 'the day before the season', days: [{ date: '2026-11-14', indoorC: 10 }] },
    { name: 'the day after the season', days: [{ date: '2027-03-16', indoorC: 10 }] },
    { name: 'a day twice', days: [{ date: '2026-12-01', indoorC: 10 }, { date: '2026-12-01', indoorC: 15 }] },
    { name: 'an impossible date', days: [{ date: '2027-02-29', indoorC: 10 }] },
    { name: 'a temperature that is not a number', days: [{ date: '2026-12-01', indoorC: 'cold' }] },
  ];
  it.each(bad)('refuses $name', ({ days }) => {
    expect(() => substandardRefund(FLAT, 240000n, days)).toThrow(expect.objectContaining({ code: 'INVALID_SUBSTANDARD_DAY' }));
  });
});
