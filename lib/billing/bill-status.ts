import { BillingError } from './errors';

/** A bill's life: drafted by the bill run, issued with immutable lines, then paid or voided. */
export const BILL_STATUSES = ['DRAFT', 'ISSUED', 'PAID', 'VOID'] as const;
export type BillStatus = (typeof BILL_STATUSES)[number];

/** Every allowed move; anything absent here is refused. PAID and VOID are final. */
export const BILL_TRANSITIONS: Readonly<Record<BillStatus, readonly BillStatus[]>> = {
  DRAFT: ['ISSUED'],
  ISSUED: ['PAID', 'VOID'],
  PAID: [],
  VOID: [],
};

export function isBillStatus(value: unknown): value is BillStatus {
  return typeof value === 'string' && (BILL_STATUSES as readonly string[]).includes(value);
}

export function canTransitionBill(from: BillStatus, to: BillStatus): boolean {
  return isBillStatus(from) && isBillStatus(to) && BILL_TRANSITIONS[from].includes(to);
}

/** Throws BILL_TRANSITION_NOT_ALLOWED unless `from → to` is in BILL_TRANSITIONS; staying put is not a move. */
export function assertBillTransition(from: BillStatus, to: BillStatus): void {
  if (!canTransitionBill(from, to)) {
    throw new BillingError('BILL_TRANSITION_NOT_ALLOWED', `bill cannot go from ${String(from)} to ${String(to)}`);
  }
}
