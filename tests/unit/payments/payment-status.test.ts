import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import {
  PAYMENT_STATUSES,
  PAYMENT_TRANSITIONS,
  assertPaymentTransition,
  canTransitionPayment,
  isOpenPayment,
  type PaymentState,
} from '@/lib/payments/payment-status';

// Every pair of states, against the table written out by hand here: changing the machine
// means changing this test on purpose.
const ALLOWED = new Set([
  'created→pending',
  'created→failed',
  'created→expired',
  'pending→succeeded',
  'pending→failed',
  'pending→expired',
  'expired→succeeded',
  'succeeded→partially_refunded',
  'succeeded→refunded',
  'partially_refunded→partially_refunded',
  'partially_refunded→refunded',
]);

describe('payment state machine', () => {
  for (const from of PAYMENT_STATUSES) {
    for (const to of PAYMENT_STATUSES) {
      const key = `${from}→${to}`;
      it(`${key} is ${ALLOWED.has(key) ? 'allowed' : 'refused'}`, () => {
        expect(canTransitionPayment(from, to)).toBe(ALLOWED.has(key));
        if (ALLOWED.has(key)) expect(() => assertPaymentTransition(from, to)).not.toThrow();
        else expect(() => assertPaymentTransition(from, to)).toThrow(AppError);
      });
    }
  }

  it('walks from created to every end state, and nothing leaves failed or refunded', () => {
    const reachable = new Set<PaymentState>(['created']);
    const queue: PaymentState[] = ['created'];
    while (queue.length > 0) {
      const state = queue.shift()!;
      for (const next of PAYMENT_TRANSITIONS[state]) {
        if (!reachable.has(next)) {
          reachable.add(next);
          queue.push(next);
        }
      }
    }
    expect([...reachable].sort()).toEqual([...PAYMENT_STATUSES].sort());
    expect(PAYMENT_TRANSITIONS.failed).toEqual([]);
    expect(PAYMENT_TRANSITIONS.refunded).toEqual([]);
  });

  it('counts only created and pending as open (one per bill)', () => {
    expect(PAYMENT_STATUSES.filter(isOpenPayment)).toEqual(['created', 'pending']);
  });
});
