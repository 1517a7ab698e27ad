import { AppError } from '@/lib/errors/app-error';

/**
 * The payment state machine. Only a verified notify or a channel query moves a payment to
 * succeeded; the browser coming back from a channel proves nothing.
 */
export const PAYMENT_STATUSES = ['created', 'pending', 'succeeded', 'failed', 'expired', 'refunded', 'partially_refunded'] as const;
export type PaymentState = (typeof PAYMENT_STATUSES)[number];

export const PAYMENT_TRANSITIONS: Readonly<Record<PaymentState, readonly PaymentState[]>> = {
  // created: our row exists, the channel has not accepted the trade yet.
  created: ['pending', 'failed', 'expired'],
  pending: ['succeeded', 'failed', 'expired'],
  // Money that arrives after we stopped waiting (a query racing the time limit) is still money:
  // it must be credited, not lost. A failed payment stays failed; a later success is flagged.
  expired: ['succeeded'],
  failed: [],
  succeeded: ['partially_refunded', 'refunded'],
  partially_refunded: ['partially_refunded', 'refunded'],
  refunded: [],
};

/** Waiting for the resident or the channel: at most one such payment per bill. */
export const OPEN_STATUSES: readonly PaymentState[] = ['created', 'pending'];

export function isPaymentState(value: string): value is PaymentState {
  return (PAYMENT_STATUSES as readonly string[]).includes(value);
}

export function isOpenPayment(status: PaymentState): boolean {
  return OPEN_STATUSES.includes(status);
}

export function canTransitionPayment(from: PaymentState, to: PaymentState): boolean {
  return PAYMENT_TRANSITIONS[from].includes(to);
}

/** A transition that is not in the table is an error, never a silent no-op. */
export function assertPaymentTransition(from: PaymentState, to: PaymentState): void {
  if (!canTransitionPayment(from, to)) throw new AppError('invalid_transition', `payment ${from} → ${to}`);
}
