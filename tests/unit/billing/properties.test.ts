import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileTariff,
  dueFenAt,
  energyCharge,
  lateFeeFenAt,
  lateFeeTicker,
  quoteBill,
  refundableOverpayment,
  settlementFen,
  substandardRefund,
  suspensionRefund,
  type BillQuote,
  type Payment,
  type Property,
  type Tariff,
} from '@/lib/billing';
import { HARBIN_LIKE_TARIFF, JINAN_LIKE_TARIFF } from '@/lib/billing/example-tariffs';
import { FLAT, METERED, TIERED, sh } from './fixtures';

const SMALL_CAP: Tariff = { ...FLAT, lateFee: { dueAt: '2027-01-01T00:00:00+08:00', ratePerDay: '0.0013', capRatio: '0.05' } };
const tariffs = [FLAT, TIERED, METERED, SMALL_CAP, HARBIN_LIKE_TARIFF, JINAN_LIKE_TARIFF].map((t) => compileTariff(t));
/** Tariffs whose discount ends at 2026-11-01 00:00 Shanghai time. */
const flatFamily = [FLAT, TIERED, SMALL_CAP].map((t) => compileTariff(t));

// Instants from two months before the discount deadline to well past the due date, to the millisecond.
const FROM = sh('2026-09-01 00:00:00').getTime();
const TO = sh('2027-09-01 00:00:00').getTime();
const UNTIL_FLAT = sh('2026-11-01 00:00:00').getTime();
const instant = (min = FROM) => fc.integer({ min, max: TO }).map((ms) => new Date(ms));

const area = fc.integer({ min: 0, max: 40_000 }).map((centi) => (centi / 100).toFixed(2));
const property: fc.Arbitrary<Property> = fc.record({
  buildingAreaM2: area,
  usableAreaM2: area,
  meteredGJ: fc.option(fc.integer({ min: 0, max: 200_000 }).map((milli) => (milli / 1000).toFixed(3))),
  suspended: fc.boolean(),
  lowIncome: fc.boolean(),
});
const payment: fc.Arbitrary<Payment> = fc.record({ at: instant(), amountFen: fc.bigInt({ min: 1n, max: 500_000n }) });
const payments = fc.array(payment, { maxLength: 5 });
const tariff = fc.constantFrom(...tariffs);

const sumLines = (quote: BillQuote) => quote.lines.reduce((sum, l) => sum + l.amountFen, 0n);
const runs = { numRuns: 300 };

describe('billing invariants', () => {
  it('no amount is ever negative, and the lines add up to what is owed', () => {
    fc.assert(
      fc.property(tariff, property, payments, instant(), (t, p, ps, at) => {
        const quote = quoteBill(t, p, ps, at);
        for (const fen of [quote.principalFen, quote.lateFeeFen, quote.paidFen, quote.discountFen, quote.dueFen]) {
          expect(fen >= 0n).toBe(true);
        }
        expect(energyCharge(t, p) >= 0n).toBe(true);
        expect(sumLines(quote)).toBe(quote.dueFen - refundableOverpayment(quote));
      }),
      runs,
    );
  });

  it('paying everything due leaves 0 due; paying the settlement leaves nothing to refund either', () => {
    fc.assert(
      fc.property(tariff, property, payments, instant(), (t, p, ps, at) => {
        const before = quoteBill(t, p, ps, at);
        const due = before.dueFen;
        if (due > 0n) expect(quoteBill(t, p, [...ps, { at, amountFen: due }], at).dueFen).toBe(0n);
        const settle = settlementFen(t, p, ps, at);
        if (settle > 0n) {
          const after = quoteBill(t, p, [...ps, { at, amountFen: settle }], at);
          expect(after.dueFen).toBe(0n);
          expect(refundableOverpayment(after)).toBe(refundableOverpayment(before));
        }
      }),
      runs,
    );
  });

  it('splitting a payment in two at the same instant after the discount deadline changes nothing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...flatFamily),
        property,
        payments,
        instant(UNTIL_FLAT),
        fc.bigInt({ min: 2n, max: 500_000n }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        instant(),
        (t, p, ps, at, amountFen, cut, readAt) => {
          const first = 1n + BigInt(Math.floor(Number(amountFen - 2n) * cut));
          const whole = quoteBill(t, p, [...ps, { at, amountFen }], readAt);
          const split = quoteBill(t, p, [...ps, { at, amountFen: first }, { at, amountFen: amountFen - first }], readAt);
          expect(split).toEqual(whole);
        },
      ),
      runs,
    );
  });

  it('refunds never exceed what was paid and not yet refunded', () => {
    fc.assert(
      fc.property(tariff, property, payments, instant(), fc.double({ min: 0, max: 1, noNaN: true }), (t, p, ps, at, share) => {
        const quote = quoteBill(t, p, ps, at);
        const refunded = BigInt(Math.floor(Number(quote.paidFen) * share));
        const refundable = refundableOverpayment(quote, refunded);
        expect(refundable >= 0n && refundable <= quote.paidFen - refunded).toBe(true);
        // Refunding it leaves nothing more to refund: no double refund.
        expect(refundableOverpayment(quote, refunded + refundable)).toBe(0n);
        const suspension = suspensionRefund(t, p, ps, at);
        expect(suspension >= 0n && suspension <= quote.paidFen).toBe(true);
        const energy = energyCharge(t, p);
        const days = Array.from({ length: 121 }, (_, i) => ({ date: new Date(sh('2026-11-15 12:00:00').getTime() + i * 86_400_000), indoorC: -5 }));
        expect(substandardRefund(t, energy, days)).toBe(energy);
      }),
      runs,
    );
  });

  it('the late fee never decreases with time and never passes its cap', () => {
    fc.assert(
      fc.property(tariff, property, payments, instant(), instant(), (t, p, ps, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const first = quoteBill(t, p, ps, early);
        const second = quoteBill(t, p, ps, late);
        expect(second.lateFeeFen >= first.lateFeeFen).toBe(true);
        const cap = t.lateFee === null ? 0n : (second.principalFen * t.lateFee.cap.num * 2n + t.lateFee.cap.den) / (2n * t.lateFee.cap.den);
        expect(second.lateFeeFen <= cap).toBe(true);
      }),
      runs,
    );
  });

  it('the client-side ticker agrees with the server quote until the next payment', () => {
    fc.assert(
      fc.property(tariff, property, payments, instant(), fc.integer({ min: 0, max: 200 * 86_400_000 }), (t, p, ps, at, later) => {
        const ticker = lateFeeTicker(t, p, ps, at);
        const now = new Date(at.getTime() + later);
        const quote = quoteBill(
          t,
          p,
          ps.filter((x) => x.at <= at),
          now,
        );
        expect(lateFeeFenAt(ticker, now)).toBe(quote.lateFeeFen);
        expect(dueFenAt(ticker, now)).toBe(quote.dueFen);
      }),
      runs,
    );
  });

  it('the order payments are listed in does not matter when their instants differ', () => {
    fc.assert(
      fc.property(tariff, property, fc.uniqueArray(payment, { maxLength: 5, selector: (x) => x.at.getTime() }), instant(), (t, p, ps, at) => {
        expect(quoteBill(t, p, [...ps].reverse(), at)).toEqual(quoteBill(t, p, ps, at));
      }),
      runs,
    );
  });
});
