import { describe, expect, it } from 'vitest';
import {
  energyCharge,
  quoteBill,
  refundableOverpayment,
  substandardRefund,
  type Payment,
  type Property,
  type Tariff,
} from '@/lib/billing';
import { FLAT, HOME, METERED, TIERED, sh } from './fixtures';

describe('the worked examples of the billing rules', () => {
  const energyCases: { rule: string; tariff: Tariff; property: Property; fen: bigint }[] = [
    // (216000 + 136080 + 15840) × 1.02 = 375278.4 → 3752.78 元
    { rule: '1 AREA, 150 m² tiered ×1.02', tariff: TIERED, property: { buildingAreaM2: '150.00', usableAreaM2: '120.00' }, fen: 375278n },
    // min(120000 + 155575, 240000) → 2400.00 元
    { rule: '2 METERED, 35 GJ capped', tariff: METERED, property: { ...HOME, meteredGJ: '35' }, fen: 240000n },
    // 240000 × 0.20 → 480.00 元
    { rule: '3 suspended', tariff: FLAT, property: { ...HOME, suspended: true }, fen: 48000n },
  ];
  it.each(energyCases)('energy charge, rule $rule', ({ tariff, property, fen }) => {
    expect(energyCharge(tariff, property)).toBe(fen);
  });

  it('4 low-income subsidy is its own credit line; principal = energy − subsidy', () => {
    const quote = quoteBill(FLAT, { ...HOME, lowIncome: true }, [], sh('2026-12-01 00:00:00'));
    expect(quote.lines.find((l) => l.code === 'SUBSIDY')?.amountFen).toBe(-72000n); // −720.00 元
    expect(quote.principalFen).toBe(168000n); // 1680.00 元
    expect(quote.dueFen).toBe(168000n);
  });

  it('5 a payment clearing the principal before `until` gets 1.5% off', () => {
    const quote = quoteBill(FLAT, HOME, [{ at: sh('2026-10-20 10:00:00'), amountFen: 236400n }], sh('2026-12-01 00:00:00'));
    expect(quote.discountFen).toBe(3600n); // 36.00 元
    expect(quote.paidFen).toBe(236400n); // 2364.00 元
    expect(quote.dueFen).toBe(0n);
    expect(quote.lines.find((l) => l.code === 'EARLY_DISCOUNT')?.amountFen).toBe(-3600n);
  });

  const payment: Payment = { at: sh('2027-01-11 00:00:00'), amountFen: 100000n }; // 1000.00 元
  const lateCases: { when: string; payments: Payment[]; lateFeeFen: bigint; dueFen: bigint }[] = [
    // 240000 × 0.001 × 10 days → 24.00 元
    { when: '2027-01-11 00:00:00', payments: [], lateFeeFen: 2400n, dueFen: 242400n },
    // 2400.0028 → still 24.00 元
    { when: '2027-01-11 00:00:01', payments: [], lateFeeFen: 2400n, dueFen: 242400n },
    // the payment pays 24.00 元 late fee, 976.00 元 principal → 1424.00 元 left
    { when: '2027-01-11 00:00:00', payments: [payment], lateFeeFen: 2400n, dueFen: 142400n },
    // 142400 + 142400 × 0.001 × 10 = 1438.24 元
    { when: '2027-01-21 00:00:00', payments: [payment], lateFeeFen: 3824n, dueFen: 143824n },
  ];
  it.each(lateCases)('6 late fee to the second at $when', ({ when, payments, lateFeeFen, dueFen }) => {
    const quote = quoteBill(FLAT, HOME, payments, sh(when));
    expect(quote.lateFeeFen).toBe(lateFeeFen);
    expect(quote.dueFen).toBe(dueFen);
  });

  it('7 substandard refund: 240000 / 121 × 3.5', () => {
    const days = [
      { date: '2026-12-01', indoorC: 15 },
      { date: '2026-12-02', indoorC: 15 },
      { date: '2026-12-03', indoorC: 15 },
      { date: '2026-12-10', indoorC: 12 },
      { date: '2026-12-11', indoorC: 12 },
    ];
    expect(substandardRefund(FLAT, 240000n, days)).toBe(6942n); // 69.42 元
  });

  it('8 overpayment refund is what was paid beyond principal + late fee − discount', () => {
    const quote = quoteBill(FLAT, HOME, [{ at: sh('2026-12-01 09:00:00'), amountFen: 300000n }], sh('2026-12-02 00:00:00'));
    expect(quote.dueFen).toBe(0n);
    expect(refundableOverpayment(quote)).toBe(60000n); // 600.00 元
  });
});
