import { pool } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { computeRefund, type ComputedRefund } from './compute-amount';
import { loadRefundBasis, type LoadedBasis } from './load-basis';
import type { ResidentRefundReason as RefundReason } from './state-machine';

/**
 * What the resident would get back on one bill for one reason, computed by the billing core and
 * shown line by line before they confirm. `refusal` says why nothing can be asked for.
 */
export type RefundRefusal = 'not_suspended' | 'nothing_to_refund';

export interface RefundQuote extends ComputedRefund {
  billId: string;
  season: number;
  accountNo: string;
  refusal: RefundRefusal | null;
}

export function refusalOf(reason: RefundReason, loaded: LoadedBasis, computed: ComputedRefund): RefundRefusal | null {
  // A suspension refund needs the home suspended now while it was billed as heated.
  if (reason === 'SUSPENSION' && (!loaded.accountSuspended || loaded.bill.property.suspended)) return 'not_suspended';
  return computed.amountFen > 0n ? null : 'nothing_to_refund';
}

export async function quoteRefund(input: { residentId: string; billId: string; reason: RefundReason }, now: Date): Promise<RefundQuote> {
  const loaded = await loadRefundBasis(pool(), { ...input, now });
  const computed = computeRefund(input.reason, loaded.basis);
  return { ...computed, billId: loaded.bill.id, season: loaded.bill.season, accountNo: loaded.accountNo, refusal: refusalOf(input.reason, loaded, computed) };
}

export function assertRefundable(refusal: RefundRefusal | null): void {
  if (refusal) throw new AppError('invalid_input', refusal);
}
