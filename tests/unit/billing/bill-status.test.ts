import { describe, expect, it } from 'vitest';
import {
  BILL_STATUSES,
  BILL_TRANSITIONS,
  BillingError,
  assertBillTransition,
  canTransitionBill,
  isBillStatus,
  type BillStatus,
} from '@/lib/billing';

const ALLOWED: ReadonlySet<string> = new Set(['DRAFT→ISSUED', 'ISSUED→PAID', 'ISSUED→VOID']);

describe('bill state machine', () => {
  const pairs = BILL_STATUSES.flatMap((from) => BILL_STATUSES.map((to) => ({ from, to })));

  it.each(pairs)('$from → $to', ({ from, to }) => {
    const allowed = ALLOWED.has(`${from}→${to}`);
    expect(canTransitionBill(from, to)).toBe(allowed);
    if (allowed) {
      expect(() => assertBillTransition(from, to)).not.toThrow();
    } else {
      expect(() => assertBillTransition(from, to)).toThrow(BillingError);
      expect(() => assertBillTransition(from, to)).toThrow(expect.objectContaining({ code: 'BILL_TRANSITION_NOT_ALLOWED' }));
    }
  });

  it('walks the two lives of a bill and ends in a final state', () => {
    for (const path of [
      ['DRAFT', 'ISSUED', 'PAID'],
      ['DRAFT', 'ISSUED', 'VOID'],
    ] as BillStatus[][]) {
      path.slice(1).forEach((to, i) => assertBillTransition(path[i] as BillStatus, to));
      expect(BILL_TRANSITIONS[path[path.length - 1] as BillStatus]).toEqual([]);
    }
  });

  it('refuses statuses it does not know', () => {
    expect(isBillStatus('OPEN')).toBe(false);
    expect(isBillStatus('ISSUED')).toBe(true);
    expect(() => assertBillTransition('OPEN' as BillStatus, 'PAID')).toThrow(BillingError);
  });
});
