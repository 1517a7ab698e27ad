import type { CompiledTariff } from './compile-tariff';
import { BillingError } from './errors';
import { fenTimesRatio, roundHalfUpFen } from './exact';
import type { Payment, Ratio } from './types';

/** Where a bill stands after applying its payments up to an instant (rules 5, 6 and 8). */
export interface LedgerState {
  principalFen: bigint;
  /** Late fee cap: round(capRatio × principal). */
  capFen: bigint;
  paidFen: bigint;
  discountFen: bigint;
  /** Late fee fixed (rounded) by payments so far. */
  crystallisedFen: bigint;
  /** Of the crystallised late fee, what is still unpaid. */
  lateFeeUnpaidFen: bigint;
  principalUnpaidFen: bigint;
  /** Paid beyond everything owed. */
  overpaidFen: bigint;
  /** Exact late fee accrued since the last payment, as a numerator over lateFee.den. */
  accruedNum: bigint;
  /** All late fee charged up to the instant: crystallised + the accrual read now, capped. */
  lateFeeFen: bigint;
}

/** Rule 5: the discount a payment clearing `principalUnpaidFen` before `until` earns. */
export function earlyDiscountOfferFen(principalUnpaidFen: bigint, ratio: Ratio): bigint {
  return fenTimesRatio(principalUnpaidFen, ratio);
}

function paymentMs(payment: Payment): number {
  const ms = payment.at instanceof Date ? payment.at.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new BillingError('INVALID_PAYMENT', 'payment.at: not a valid Date');
  if (typeof payment.amountFen !== 'bigint' || payment.amountFen <= 0n) {
    throw new BillingError('INVALID_PAYMENT', 'payment.amountFen: must be a positive bigint of fen');
  }
  return ms;
}

/** Payments by time; ones at the same instant keep the order they were given in. */
function inTimeOrder(payments: readonly Payment[]): readonly Payment[] {
  let previous = Number.NEGATIVE_INFINITY;
  let sorted = true;
  for (const payment of payments) {
    const ms = paymentMs(payment);
    if (ms < previous) sorted = false;
    previous = ms;
  }
  return sorted ? payments : [...payments].sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * Replays the payments made up to atMs. The late fee accrues on unpaid principal piecewise
 * between payments as an exact fraction, and each payment crystallises it: rounded half-up once,
 * capped, with the remaining fraction of a fen dropped. A payment then settles late fee before
 * principal (Civil Code art. 561); before `until`, one that clears everything earns the discount.
 */
export function runLedger(
  tariff: CompiledTariff,
  principalFen: bigint,
  payments: readonly Payment[],
  atMs: number,
): LedgerState {
  const lateFee = tariff.lateFee;
  const discount = tariff.earlyDiscount;
  const capFen = lateFee === null ? 0n : fenTimesRatio(principalFen, lateFee.cap);
  // Hot path: comparisons allocate no bigint while arithmetic does, so branches below prefer
  // assigning a known value over subtracting.
  let principalUnpaid = principalFen;
  let lateFeeUnpaid = 0n;
  let capRoom = capFen;
  let accrued = 0n;
  let paid = 0n;
  let overpaid = 0n;
  let discountFen = 0n;
  let clock = lateFee === null ? 0 : lateFee.dueMs;

  for (const payment of inTimeOrder(payments)) {
    const ms = payment.at.getTime();
    if (ms > atMs) break;
    if (lateFee !== null) {
      if (ms > clock) {
        if (principalUnpaid > 0n) accrued += principalUnpaid * lateFee.rateNum * BigInt(ms - clock);
        clock = ms;
      }
      if (accrued > 0n) {
        const fee = roundHalfUpFen(accrued, lateFee.den);
        const charged = fee < capRoom ? fee : capRoom;
        capRoom -= charged;
        lateFeeUnpaid = lateFeeUnpaid === 0n ? charged : lateFeeUnpaid + charged;
        accrued = 0n;
      }
    }
    let rest = payment.amountFen;
    paid = paid === 0n ? rest : paid + rest;
    if (discount !== null && principalUnpaid > 0n && ms < discount.untilMs) {
      const offer = earlyDiscountOfferFen(principalUnpaid, discount.ratio);
      const settles = lateFeeUnpaid + principalUnpaid - offer;
      if (rest >= settles) {
        rest -= settles;
        discountFen = offer;
        lateFeeUnpaid = 0n;
        principalUnpaid = 0n;
      }
    }
    if (lateFeeUnpaid > 0n) {
      if (rest >= lateFeeUnpaid) {
        rest -= lateFeeUnpaid;
        lateFeeUnpaid = 0n;
      } else {
        lateFeeUnpaid -= rest;
        rest = 0n;
      }
    }
    if (principalUnpaid > 0n && rest > 0n) {
      if (rest >= principalUnpaid) {
        rest -= principalUnpaid;
        principalUnpaid = 0n;
      } else {
        principalUnpaid -= rest;
        rest = 0n;
      }
    }
    if (rest > 0n) overpaid += rest;
  }

  const crystallised = capFen - capRoom;
  let lateFeeFen = crystallised;
  if (lateFee !== null) {
    if (principalUnpaid > 0n && atMs > clock) accrued += principalUnpaid * lateFee.rateNum * BigInt(atMs - clock);
    if (accrued > 0n) {
      const fee = roundHalfUpFen(accrued, lateFee.den);
      lateFeeFen += fee < capRoom ? fee : capRoom;
    }
  }

  return {
    principalFen,
    capFen,
    paidFen: paid,
    discountFen,
    crystallisedFen: crystallised,
    lateFeeUnpaidFen: lateFeeUnpaid,
    principalUnpaidFen: principalUnpaid,
    overpaidFen: overpaid,
    accruedNum: accrued,
    lateFeeFen,
  };
}

/** What the resident owes at the ledger's instant. */
export function ledgerDueFen(state: LedgerState): bigint {
  return state.principalUnpaidFen + state.lateFeeUnpaidFen + (state.lateFeeFen - state.crystallisedFen);
}
