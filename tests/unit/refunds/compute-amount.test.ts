import { describe, expect, it } from 'vitest';
import { computeRefund, percentOf, type RefundBasis } from '@/lib/refunds/compute-amount';
import { FLAT, HOME, sh } from '../billing/fixtures';

/** The flat tariff: a 100 m² home costs 2400.00 元 for the 121-day season 2026-11-15 … 2027-03-15. */
function basis(over: Partial<RefundBasis> = {}): RefundBasis {
  return {
    tariff: FLAT,
    property: HOME,
    payments: [{ at: sh('2026-12-01 09:00:00'), amountFen: 240000n }],
    at: sh('2026-12-20 00:00:00'),
    refundedFen: 0n,
    coldClaimedFen: 0n,
    coldDays: [],
    ...over,
  };
}

const codes = (lines: { code: string }[]) => lines.map((l) => l.code);

describe('overpayment', () => {
  it('gives back what was paid beyond the bill, with the lines that add up to it', () => {
    // paid 3000.00 元 on a 2400.00 元 bill → 600.00 元
    const r = computeRefund('OVERPAYMENT', basis({ payments: [{ at: sh('2026-12-01 09:00:00'), amountFen: 300000n }] }));
    expect(r.amountFen).toBe(60000n);
    expect(codes(r.lines)).toEqual(['PAID', 'PRINCIPAL', 'RESULT']);
    const sum = r.lines.filter((l) => l.code !== 'RESULT').reduce((s, l) => s + BigInt(l.amountFen ?? '0'), 0n);
    expect(sum).toBe(r.amountFen);
  });

  it('counts money already refunded or asked for, so nothing is given twice', () => {
    // 600.00 元 over, 200.00 元 already claimed → 400.00 元
    const r = computeRefund('OVERPAYMENT', basis({ payments: [{ at: sh('2026-12-01 09:00:00'), amountFen: 300000n }], refundedFen: 20000n }));
    expect(r.amountFen).toBe(40000n);
    expect(codes(r.lines)).toContain('REFUNDED_BEFORE');
  });

  it('is 0 when the bill was paid exactly', () => {
    expect(computeRefund('OVERPAYMENT', basis()).amountFen).toBe(0n);
  });
});

describe('suspension', () => {
  it('gives back all but the suspension charge of a bill paid in full', () => {
    // paid 2400.00 元, suspended bill 480.00 元 → 1920.00 元
    const r = computeRefund('SUSPENSION', basis());
    expect(r.amountFen).toBe(192000n);
    expect(r.lines).toContainEqual({ code: 'SUSPENDED_COST', params: {}, amountFen: '-48000' });
  });

  it('subtracts what was already refunded', () => {
    // 1920.00 − 1000.00 = 920.00 元
    expect(computeRefund('SUSPENSION', basis({ refundedFen: 100000n })).amountFen).toBe(92000n);
  });
});

describe('cold rooms', () => {
  const days = [
    { date: '2026-12-01', indoorC: '15.0', room: 'living' },
    { date: '2026-12-02', indoorC: '15.0', room: 'bedroom' },
    { date: '2026-12-03', indoorC: '15.0', room: 'living' },
    { date: '2026-12-10', indoorC: '12.0', room: 'living' },
    { date: '2026-12-11', indoorC: '12.0', room: 'living' },
    { date: '2026-12-12', indoorC: '19.5', room: 'living' },
  ];

  it('refunds each measured day by its band, rounded once (240000 / 121 × 3.5)', () => {
    const r = computeRefund('COLD_ROOMS', basis({ coldDays: days }));
    expect(r.amountFen).toBe(6942n); // 69.42 元
    const dayLines = r.lines.filter((l) => l.code === 'COLD_DAY');
    expect(dayLines.map((l) => l.params.share)).toEqual(['50', '50', '50', '100', '100', '0']);
    expect(r.lines.find((l) => l.code === 'ENERGY_CHARGE')?.amountFen).toBe('240000');
  });

  it('leaves out days outside the season and subtracts earlier cold-room requests', () => {
    const r = computeRefund('COLD_ROOMS', basis({ coldDays: [...days, { date: '2026-11-01', indoorC: '10.0', room: 'living' }], coldClaimedFen: 3000n }));
    expect(r.amountFen).toBe(3942n); // 69.42 − 30.00 = 39.42 元
    expect(codes(r.lines)).toContain('CLAIMED_BEFORE');
  });

  it('never gives back more than the money kept on the bill', () => {
    const r = computeRefund('COLD_ROOMS', basis({ coldDays: days, payments: [{ at: sh('2026-12-01 09:00:00'), amountFen: 5000n }] }));
    expect(r.amountFen).toBe(5000n); // capped at the 50.00 元 paid
    expect(codes(r.lines)).toContain('CAPPED');
  });

  it('is 0 without measurements', () => {
    expect(computeRefund('COLD_ROOMS', basis()).amountFen).toBe(0n);
  });
});

describe('the share of a cold day, as the explanation prints it', () => {
  it.each([
    [1n, 2n, '50'],
    [1n, 1n, '100'],
    [0n, 3n, '0'],
    [1n, 3n, '33.33'],
    [2n, 3n, '66.67'], // rounded, not cut
    [1n, 8n, '12.5'],
    [1n, 400n, '0.25'],
  ])('%s/%s reads %s %%', (num, den, text) => expect(percentOf(num, den)).toBe(text));
});
