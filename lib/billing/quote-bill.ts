import { resolveTariff, type CompiledTariff } from './compile-tariff';
import { chargeBreakdown } from './energy-charge';
import { instantMs } from './shanghai-time';
import { BILL_LINE_LABELS } from './labels';
import { earlyDiscountOfferFen, ledgerDueFen, runLedger, type LedgerState } from './ledger';
import type { BillLine, BillLineCode, BillQuote, Payment, Property, Tariff } from './types';

function line(code: BillLineCode, amountFen: bigint): BillLine {
  return { code, label: BILL_LINE_LABELS[code], amountFen };
}

/** The bill's ledger at `at`, shared by quoteBill, the late-fee ticker and the refund helpers. */
export function ledgerAt(
  tariff: Tariff | CompiledTariff,
  property: Property,
  payments: readonly Payment[],
  at: Date,
): { breakdown: ReturnType<typeof chargeBreakdown>; state: LedgerState; compiled: CompiledTariff; atMs: number } {
  const compiled = resolveTariff(tariff);
  const atMs = instantMs(at, 'at');
  const breakdown = chargeBreakdown(compiled, property);
  return { breakdown, state: runLedger(compiled, breakdown.principalFen, payments, atMs), compiled, atMs };
}

/**
 * The bill of one home for one season as it stands at `at`: its lines and totals. Payments made
 * after `at` are left out. Lines carry charges as positive and credits as negative amounts, so
 * they add up to dueFen minus any overpayment (see refundableOverpayment).
 */
export function quoteBill(
  tariff: Tariff | CompiledTariff,
  property: Property,
  payments: readonly Payment[],
  at: Date,
): BillQuote {
  const { breakdown, state } = ledgerAt(tariff, property, payments, at);
  const lines: BillLine[] = [line('ENERGY', breakdown.seasonChargeFen)];
  if (breakdown.suspensionCreditFen > 0n) lines.push(line('SUSPENSION', -breakdown.suspensionCreditFen));
  if (breakdown.subsidyFen > 0n) lines.push(line('SUBSIDY', -breakdown.subsidyFen));
  if (state.discountFen > 0n) lines.push(line('EARLY_DISCOUNT', -state.discountFen));
  if (state.lateFeeFen > 0n) lines.push(line('LATE_FEE', state.lateFeeFen));
  if (state.paidFen > 0n) lines.push(line('PAYMENT', -state.paidFen));
  return {
    lines,
    principalFen: state.principalFen,
    lateFeeFen: state.lateFeeFen,
    paidFen: state.paidFen,
    discountFen: state.discountFen,
    dueFen: ledgerDueFen(state),
  };
}

/**
 * The single payment that, made at `at`, settles the bill exactly: what is due, less the early
 * discount that payment would earn. Before `until` this is what the resident should be asked
 * to pay; asking for dueFen would overpay by the discount.
 */
export function settlementFen(
  tariff: Tariff | CompiledTariff,
  property: Property,
  payments: readonly Payment[],
  at: Date,
): bigint {
  const { state, compiled, atMs } = ledgerAt(tariff, property, payments, at);
  const due = ledgerDueFen(state);
  const discount = compiled.earlyDiscount;
  if (discount === null || state.principalUnpaidFen === 0n || atMs >= discount.untilMs) return due;
  return due - earlyDiscountOfferFen(state.principalUnpaidFen, discount.ratio);
}
