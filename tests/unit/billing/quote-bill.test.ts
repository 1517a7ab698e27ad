import { describe, expect, it } from 'vitest';
import {
  compileTariff,
  quoteBill,
  refundableOverpayment,
  settlementFen,
  type BillQuote,
  type Payment,
  type Tariff,
} from '@/lib/billing';
import { FLAT, HOME, sh } from './fixtures';

const pay = (wallClock: string, amountFen: bigint): Payment => ({ at: sh(wallClock), amountFen });
const sumLines = (quote: BillQuote) => quote.lines.reduce((sum, l) => sum + l.amountFen, 0n);

describe('quoteBill: early discount', () => {
  const cases: { name: string; payments: Payment[]; discountFen: bigint; dueFen: bigint }[] = [
    // 1 ms before 2026-11-01 00:00 still earns 36.00 元 off
    { name: 'just before until', payments: [{ at: new Date(sh('2026-11-01 00:00:00').getTime() - 1), amountFen: 236400n }], discountFen: 3600n, dueFen: 0n },
    // at until exactly: no discount, 36.00 元 still due
    { name: 'exactly at until', payments: [pay('2026-11-01 00:00:00', 236400n)], discountFen: 0n, dueFen: 3600n },
    // 2363.99 元 does not clear 2364.00 元: no discount, 36.01 元 due
    { name: 'one fen short', payments: [pay('2026-10-20 00:00:00', 236399n)], discountFen: 0n, dueFen: 3601n },
    // 1000.00 元 early, then the remaining 1400.00 元 cleared with 1.5% off: 21.00 元
    { name: 'partial then clearing', payments: [pay('2026-10-10 00:00:00', 100000n), pay('2026-10-20 00:00:00', 137900n)], discountFen: 2100n, dueFen: 0n },
  ];
  it.each(cases)('$name', ({ payments, discountFen, dueFen }) => {
    const quote = quoteBill(FLAT, HOME, payments, sh('2026-12-01 00:00:00'));
    expect(quote.discountFen).toBe(discountFen);
    expect(quote.dueFen).toBe(dueFen);
  });

  it('before until, dueFen is the full principal and settlementFen the discounted amount', () => {
    const at = sh('2026-10-15 12:00:00');
    expect(quoteBill(FLAT, HOME, [], at).dueFen).toBe(240000n); // 2400.00 元
    expect(settlementFen(FLAT, HOME, [], at)).toBe(236400n); // 2364.00 元
    expect(settlementFen(FLAT, HOME, [], sh('2026-11-01 00:00:00'))).toBe(240000n); // 2400.00 元
  });

  it('paying dueFen before until overpays by the discount, which is refundable', () => {
    const quote = quoteBill(FLAT, HOME, [pay('2026-10-15 12:00:00', 240000n)], sh('2026-10-15 12:00:00'));
    expect(quote.dueFen).toBe(0n);
    expect(refundableOverpayment(quote)).toBe(3600n); // 36.00 元
  });
});

describe('quoteBill: late fee edges', () => {
  it('a payment before dueAt shrinks the principal that later accrues', () => {
    // 1400.00 元 left from 2027-01-01; × 0.001 × 10 days = 14.00 元
    const quote = quoteBill(FLAT, HOME, [pay('2026-12-15 00:00:00', 100000n)], sh('2027-01-11 00:00:00'));
    expect(quote.lateFeeFen).toBe(1400n);
    expect(quote.dueFen).toBe(141400n); // 1414.00 元
  });

  it('nothing accrues at dueAt itself', () => {
    expect(quoteBill(FLAT, HOME, [], sh('2027-01-01 00:00:00')).lateFeeFen).toBe(0n);
  });

  it('the cap stops the late fee at capRatio × principal', () => {
    const capped: Tariff = { ...FLAT, lateFee: { dueAt: '2027-01-01T00:00:00+08:00', ratePerDay: '0.001', capRatio: '0.01' } };
    // cap 24.00 元 reached after 10 days; still 24.00 元 after 60
    expect(quoteBill(capped, HOME, [], sh('2027-03-02 00:00:00')).lateFeeFen).toBe(2400n);
    // 12.00 元 crystallised on day 5; 1412.00 元 × 0.001 × 15 = 21.18 元 more, capped at 12.00 元
    const quote = quoteBill(capped, HOME, [pay('2027-01-06 00:00:00', 100000n)], sh('2027-01-21 00:00:00'));
    expect(quote.lateFeeFen).toBe(2400n);
    expect(quote.dueFen).toBe(141200n + 1200n); // 1424.00 元
  });

  it('a full default runs up to the 1.0 cap and no further', () => {
    // 1000 days × 2.40 元 = 2400.00 元 = 1.0 × principal
    expect(quoteBill(FLAT, HOME, [], sh('2029-12-31 00:00:00')).lateFeeFen).toBe(240000n);
  });

  it('late fee is paid before principal (Civil Code art. 561)', () => {
    // 10.00 元 paid on day 10 all goes to the 24.00 元 late fee
    const quote = quoteBill(FLAT, HOME, [pay('2027-01-11 00:00:00', 1000n)], sh('2027-01-21 00:00:00'));
    expect(quote.lateFeeFen).toBe(4800n); // 24.00 + 24.00 元 on the untouched 2400.00 元
    expect(quote.dueFen).toBe(240000n + 4800n - 1000n); // 2438.00 元
  });

  it('drops the fraction of a fen left when a payment crystallises the late fee', () => {
    const due = sh('2027-01-01 00:00:00').getTime();
    const at = (seconds: number) => new Date(due + seconds * 1000);
    // 2400.00 元 × 0.001 a day is 1/360 fen a second: 972 s read straight = 2.7 fen → 0.03 元
    expect(quoteBill(FLAT, HOME, [], at(972)).lateFeeFen).toBe(3n);
    // a payment at 864 s fixes 2.4 → 2 fen; then 2390.02 元 × 108 s = 0.29875 fen → 0
    const quote = quoteBill(FLAT, HOME, [{ at: at(864), amountFen: 1000n }], at(972));
    expect(quote.lateFeeFen).toBe(2n);
    expect(quote.dueFen).toBe(239002n); // 2390.02 元
  });
});

describe('quoteBill: lines and totals', () => {
  it('lists every line with signed amounts that add up to what is owed', () => {
    const quote = quoteBill(
      FLAT,
      { ...HOME, suspended: true, lowIncome: true },
      [pay('2027-01-11 00:00:00', 10000n)],
      sh('2027-01-21 00:00:00'),
    );
    // principal 336.00 元; day 10: 3.36 元 late fee, then 100.00 元 pays it and 96.64 元 principal
    // → 239.36 元 unpaid × 0.001 × 10 = 2.39 元 more
    expect(quote.lines.map((l) => [l.code, l.amountFen])).toEqual([
      ['ENERGY', 240000n],
      ['SUSPENSION', -192000n],
      ['SUBSIDY', -14400n],
      ['LATE_FEE', 336n + 239n],
      ['PAYMENT', -10000n],
    ]);
    expect(quote.lines.every((l) => l.label.length > 0)).toBe(true);
    expect(quote.dueFen).toBe(23936n + 239n); // 241.75 元
    expect(sumLines(quote)).toBe(quote.dueFen);
  });

  it('ignores payments after `at` and sorts the rest by time', () => {
    const early = pay('2026-12-01 00:00:00', 50000n);
    const late = pay('2027-02-01 00:00:00', 50000n);
    const quote = quoteBill(FLAT, HOME, [late, early], sh('2027-01-11 00:00:00'));
    expect(quote.paidFen).toBe(50000n); // 500.00 元
    expect(quote).toEqual(quoteBill(FLAT, HOME, [early], sh('2027-01-11 00:00:00')));
  });

  it('gives the same quote from a raw and a compiled tariff', () => {
    const payments = [pay('2027-01-05 08:00:00', 12345n), pay('2027-02-01 00:00:00', 99999n)];
    const at = sh('2027-02-20 13:14:15');
    expect(quoteBill(compileTariff(FLAT), HOME, payments, at)).toEqual(quoteBill(FLAT, HOME, payments, at));
  });

  it('refuses payments that are not positive bigints at valid instants', () => {
    const at = sh('2027-01-11 00:00:00');
    expect(() => quoteBill(FLAT, HOME, [pay('2026-12-01 00:00:00', 0n)], at)).toThrow(expect.objectContaining({ code: 'INVALID_PAYMENT' }));
    expect(() => quoteBill(FLAT, HOME, [pay('2026-12-01 00:00:00', -5n)], at)).toThrow(expect.objectContaining({ code: 'INVALID_PAYMENT' }));
    expect(() => quoteBill(FLAT, HOME, [{ at: new Date('nope'), amountFen: 5n }], at)).toThrow(expect.objectContaining({ code: 'INVALID_PAYMENT' }));
    expect(() => quoteBill(FLAT, HOME, [], new Date(Number.NaN))).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  it('a tariff without late fee or discount rules charges the principal only', () => {
    const plain: Tariff = { ...FLAT, lateFee: null, earlyDiscount: null };
    const quote = quoteBill(plain, HOME, [pay('2026-10-01 00:00:00', 100000n)], sh('2027-06-01 00:00:00'));
    expect(quote.lateFeeFen).toBe(0n);
    expect(quote.discountFen).toBe(0n);
    expect(quote.dueFen).toBe(140000n); // 1400.00 元
  });
});
