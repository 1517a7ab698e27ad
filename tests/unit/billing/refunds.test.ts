import { describe, expect, it } from 'vitest';
import { quoteBill, refundableOverpayment, suspensionRefund, type Payment } from '@/lib/billing';
import { FLAT, HOME, sh } from './fixtures';

describe('refundableOverpayment (rule 8)', () => {
  // principal 2400.00 元, paid 3000.00 元
  const quote = { principalFen: 240000n, lateFeeFen: 0n, discountFen: 0n, paidFen: 300000n };
  const cases: { name: string; refundedFen: bigint; fen: bigint }[] = [
    { name: 'nothing refunded yet', refundedFen: 0n, fen: 60000n }, // 600.00 元
    { name: 'part refunded', refundedFen: 20000n, fen: 40000n }, // 400.00 元 left
    { name: 'all refunded', refundedFen: 60000n, fen: 0n },
  ];
  it.each(cases)('$name', ({ refundedFen, fen }) => {
    expect(refundableOverpayment(quote, refundedFen)).toBe(fen);
  });

  it('counts late fee as owed and discount as not owed', () => {
    // 2400.00 + 24.00 − 0 paid 2500.00 → 76.00 元
    expect(refundableOverpayment({ principalFen: 240000n, lateFeeFen: 2400n, discountFen: 0n, paidFen: 250000n })).toBe(7600n);
    // 2400.00 − 36.00 paid 2400.00 → 36.00 元
    expect(refundableOverpayment({ principalFen: 240000n, lateFeeFen: 0n, discountFen: 3600n, paidFen: 240000n })).toBe(3600n);
  });

  it('is 0 on an unpaid bill', () => {
    expect(refundableOverpayment({ principalFen: 240000n, lateFeeFen: 0n, discountFen: 0n, paidFen: 100000n })).toBe(0n);
  });

  it('refuses a refunded amount outside [0, paid]', () => {
    expect(() => refundableOverpayment(quote, 300001n)).toThrow(expect.objectContaining({ code: 'INVALID_REFUND' }));
    expect(() => refundableOverpayment(quote, -1n)).toThrow(expect.objectContaining({ code: 'INVALID_REFUND' }));
  });
});

describe('suspensionRefund', () => {
  const at = sh('2026-12-10 00:00:00');
  const cases: { name: string; payments: Payment[]; lowIncome: boolean; refundedFen: bigint; fen: bigint }[] = [
    // paid 2400.00 元 in full, then suspended: 480.00 元 kept → 1920.00 元 back
    { name: 'paid in full after until', payments: [{ at: sh('2026-12-01 00:00:00'), amountFen: 240000n }], lowIncome: false, refundedFen: 0n, fen: 192000n },
    // paid 2364.00 元 early: suspended bill 480.00 − 1.5% (7.20) = 472.80 元 → 1891.20 元 back
    { name: 'paid early with the discount', payments: [{ at: sh('2026-10-20 00:00:00'), amountFen: 236400n }], lowIncome: false, refundedFen: 0n, fen: 189120n },
    // low-income: 2400.00 − 720.00 = 1680.00 paid; suspended 480.00 − 144.00 = 336.00 → 1344.00 元 back
    { name: 'low-income', payments: [{ at: sh('2026-12-01 00:00:00'), amountFen: 168000n }], lowIncome: true, refundedFen: 0n, fen: 134400n },
    // 1000.00 元 of the 1920.00 元 already returned → 920.00 元 left
    { name: 'partly refunded', payments: [{ at: sh('2026-12-01 00:00:00'), amountFen: 240000n }], lowIncome: false, refundedFen: 100000n, fen: 92000n },
    // paid only 300.00 元 of the 480.00 元 suspension charge → nothing back
    { name: 'paid less than the suspension charge', payments: [{ at: sh('2026-12-01 00:00:00'), amountFen: 30000n }], lowIncome: false, refundedFen: 0n, fen: 0n },
  ];
  it.each(cases)('$name', ({ payments, lowIncome, refundedFen, fen }) => {
    expect(suspensionRefund(FLAT, { ...HOME, lowIncome }, payments, at, refundedFen)).toBe(fen);
  });

  it('equals the overpayment of the bill quoted as suspended', () => {
    const payments = [{ at: sh('2026-12-01 00:00:00'), amountFen: 240000n }];
    const suspended = quoteBill(FLAT, { ...HOME, suspended: true }, payments, at);
    expect(suspensionRefund(FLAT, HOME, payments, at)).toBe(refundableOverpayment(suspended));
  });
});
