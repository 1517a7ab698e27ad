import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteBill, settlementFen } from '@/lib/billing';
import { OPENING_PROPERTY, openingTariff } from '@/lib/bills/opening-bill';

const AT = [new Date('2026-11-25T10:00:00+08:00'), new Date('2031-03-01T00:00:00+08:00'), new Date('2000-01-01T00:00:00+08:00')];

describe('an opening balance quoted by the billing core', () => {
  it.each([
    [1n, 'one fen'],
    [240_000n, '2400.00 元'],
    [123_456_789n, '1,234,567.89 元'],
  ])('%s fen (%s) is owed exactly, with no late fee or discount, whenever it is paid', (amount) => {
    for (const at of AT) {
      const quote = quoteBill(openingTariff(amount), OPENING_PROPERTY, [], at);
      expect(quote).toMatchObject({ principalFen: amount, dueFen: amount, lateFeeFen: 0n, discountFen: 0n, paidFen: 0n });
      expect(settlementFen(openingTariff(amount), OPENING_PROPERTY, [], at)).toBe(amount);
    }
  });

  it('what is due is the amount less what was paid, never negative', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10_000_000_000n }), fc.array(fc.bigInt({ min: 1n, max: 5_000_000_000n }), { maxLength: 4 }), (amount, paid) => {
        const payments = paid.map((amountFen, i) => ({ at: new Date(Date.UTC(2027, 0, 1 + i)), amountFen }));
        const total = paid.reduce((a, b) => a + b, 0n);
        const quote = quoteBill(openingTariff(amount), OPENING_PROPERTY, payments, new Date('2030-01-01T00:00:00+08:00'));
        expect(quote.dueFen).toBe(total >= amount ? 0n : amount - total);
        expect(quote.lateFeeFen).toBe(0n);
      }),
    );
  });
});
