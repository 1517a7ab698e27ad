import { describe, expect, it } from 'vitest';
import { assertRefundTransition, canTransitionRefund, REFUND_STATES, REFUND_TRANSITIONS } from '@/lib/refunds/state-machine';
import { addWorkingDays } from '@/lib/refunds/working-days';

describe('the refund state machine', () => {
  it('walks the happy path, the rejection, and the failure with its retry', () => {
    const walk = (path: string[]) => path.slice(1).every((to, i) => canTransitionRefund(path[i] as never, to as never));
    expect(walk(['submitted', 'under_review', 'approved', 'refunding', 'refunded'])).toBe(true);
    expect(walk(['submitted', 'rejected'])).toBe(true);
    expect(walk(['submitted', 'under_review', 'rejected'])).toBe(true);
    expect(walk(['approved', 'refunding', 'failed', 'refunding', 'refunded'])).toBe(true);
    expect(walk(['refunding', 'failed', 'rejected'])).toBe(true);
    // Paid back offline by a supervisor once no channel can (lib/refunds/offline-payback.ts).
    expect(walk(['refunding', 'failed', 'refunded'])).toBe(true);
    // The resident takes it back before it is approved (lib/refunds/withdraw-refund.ts).
    expect(walk(['submitted', 'withdrawn'])).toBe(true);
    expect(walk(['submitted', 'under_review', 'withdrawn'])).toBe(true);
  });

  it('allows nothing else: every pair outside the table is an error', () => {
    for (const from of REFUND_STATES) {
      for (const to of REFUND_STATES) {
        const allowed = REFUND_TRANSITIONS[from].includes(to);
        if (allowed) expect(() => assertRefundTransition(from, to)).not.toThrow();
        else expect(() => assertRefundTransition(from, to)).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
      }
    }
  });

  it('ends in refunded, rejected or withdrawn, money never goes back to review, and nothing approved is withdrawn', () => {
    expect(REFUND_TRANSITIONS.refunded).toEqual([]);
    expect(REFUND_TRANSITIONS.rejected).toEqual([]);
    expect(REFUND_TRANSITIONS.withdrawn).toEqual([]);
    for (const from of ['approved', 'refunding', 'failed', 'refunded', 'rejected'] as const) expect(canTransitionRefund(from, 'withdrawn')).toBe(false);
    expect(canTransitionRefund('refunding', 'under_review')).toBe(false);
    expect(canTransitionRefund('approved', 'rejected')).toBe(false);
  });
});

describe('the promised date in working days', () => {
  it.each([
    ['2026-11-25', 10, '2026-12-09'], // Wednesday + 10 working days
    ['2026-11-27', 1, '2026-11-30'], // Friday → Monday
    ['2026-11-28', 1, '2026-11-30'], // Saturday → Monday
    ['2026-11-25', 0, '2026-11-25'],
  ])('%s + %i → %s', (day, n, expected) => {
    expect(addWorkingDays(day, n)).toBe(expected);
  });
});
