import { AppError } from '@/lib/errors/app-error';

/**
 * The refund state machine, the one table of what may follow what. A transition not listed is an
 * `invalid_transition` error, never a silent no-op.
 *
 *   submitted → under_review → approved → refunding → refunded
 *       └→ rejected   └→ rejected            └→ failed → refunding (retry) | rejected (closed by staff)
 *       └→ withdrawn  └→ withdrawn                     └→ refunded (paid back offline by a supervisor,
 *                                                          only once escalated: lib/refunds/offline-payback.ts)
 *
 * Withdrawn: the resident took the request back before it was approved (lib/refunds/withdraw-refund.ts);
 * once approved, money may already be on its way, so it can no longer be withdrawn.
 *
 * A supervisor's second approval is an event inside under_review, not a state: the request moves
 * to approved only when every approval it needs is there.
 */
export const REFUND_STATES = ['submitted', 'under_review', 'approved', 'refunding', 'refunded', 'rejected', 'failed', 'withdrawn'] as const;
export type RefundState = (typeof REFUND_STATES)[number];

export const REFUND_TRANSITIONS: Readonly<Record<RefundState, readonly RefundState[]>> = {
  submitted: ['under_review', 'rejected', 'withdrawn'],
  under_review: ['approved', 'rejected', 'withdrawn'],
  approved: ['refunding'],
  refunding: ['refunded', 'failed'],
  failed: ['refunding', 'rejected', 'refunded'],
  refunded: [],
  rejected: [],
  withdrawn: [],
};

/** Where a request ends: the states nothing follows. */
export const FINISHED_REFUND_STATES: readonly RefundState[] = REFUND_STATES.filter((s) => REFUND_TRANSITIONS[s].length === 0);

/** States a resident may still withdraw from: nothing has been approved, no money has moved. */
export const WITHDRAWABLE_REFUND_STATES: readonly RefundState[] = ['submitted', 'under_review'];

/** What a resident may ask a refund for. */
export const REFUND_REASONS = ['COLD_ROOMS', 'SUSPENSION', 'OVERPAYMENT'] as const;
export type ResidentRefundReason = (typeof REFUND_REASONS)[number];
/** FLAGGED_PAYMENT: started by staff to pay back a flagged payment (lib/payments/resolve-flagged.ts). */
export type RefundReason = ResidentRefundReason | 'FLAGGED_PAYMENT';

/** States in which the money asked for is on its way or paid (it counts against what may be asked again); not rejected or withdrawn. */
export const ACTIVE_REFUND_STATES: readonly RefundState[] = ['submitted', 'under_review', 'approved', 'refunding', 'refunded', 'failed'];

export function canTransitionRefund(from: RefundState, to: RefundState): boolean {
  return REFUND_TRANSITIONS[from].includes(to);
}

export function assertRefundTransition(from: RefundState, to: RefundState): void {
  if (!canTransitionRefund(from, to)) throw new AppError('invalid_transition', `refund ${from} → ${to}`);
}

export function isRefundState(value: string): value is RefundState {
  return (REFUND_STATES as readonly string[]).includes(value);
}

export function isRefundReason(value: string): value is ResidentRefundReason {
  return (REFUND_REASONS as readonly string[]).includes(value);
}
