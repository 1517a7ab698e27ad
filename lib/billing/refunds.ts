import type { CompiledTariff } from './compile-tariff';
import { BillingError } from './errors';
import { quoteBill } from './quote-bill';
import type { BillQuote, Payment, Property, Tariff } from './types';

/**
 * Rule 8: what may be refunded as overpayment — the money kept (paid − already refunded) beyond
 * what the bill costs (principal + late fee − discount), never below 0. Because it is measured
 * against money kept, it can never exceed paid − refunded; the caller must read `refundedFen`
 * and record the new refund in one transaction for that to hold under concurrency.
 */
export function refundableOverpayment(
  quote: Pick<BillQuote, 'principalFen' | 'lateFeeFen' | 'discountFen' | 'paidFen'>,
  refundedFen: bigint = 0n,
): bigint {
  if (refundedFen < 0n || refundedFen > quote.paidFen) {
    throw new BillingError('INVALID_REFUND', 'refundedFen: must be between 0 and what was paid');
  }
  const kept = quote.paidFen - refundedFen;
  const cost = quote.principalFen + quote.lateFeeFen - quote.discountFen;
  return kept > cost ? kept - cost : 0n;
}

/**
 * A home paid, then was suspended (报停) for the season: the bill is quoted again as suspended
 * and whatever was kept beyond that cheaper bill is refundable. An early discount the payments
 * earned is kept, recomputed on the suspended principal.
 */
export function suspensionRefund(
  tariff: Tariff | CompiledTariff,
  property: Property,
  payments: readonly Payment[],
  at: Date,
  refundedFen: bigint = 0n,
): bigint {
  return refundableOverpayment(quoteBill(tariff, { ...property, suspended: true }, payments, at), refundedFen);
}
