import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pool } from '@/lib/db/client';
import { refundCounts, staffRefundQueue } from '@/lib/refunds/queries';
import { seedBill } from '../payments/db-support';
import { refundStaff } from './support';

/** A request on the bill in the given state, written directly (the board only counts rows). */
async function request(bill: { utilityId: string; billId: string; residentId: string }, state: string, extra: { firstApprovedBy?: string; escalated?: boolean } = {}) {
  await pool().query(
    `INSERT INTO refund_request (utility_id, account_id, bill_id, resident_id, idempotency_key, reason, amount_fen, lines, state, needs_supervisor,
       first_approved_by, escalated_at, expected_by)
     SELECT $1, b.account_id, b.id, $3, $4, 'OVERPAYMENT', 100, '[]', $5::refund_state, $6::uuid IS NOT NULL, $6, CASE WHEN $7 THEN now() END, current_date
     FROM bill b WHERE b.id = $2`,
    [bill.utilityId, bill.billId, bill.residentId, randomUUID(), state, extra.firstApprovedBy ?? null, extra.escalated ?? false],
  );
}

describe("the supervisors' board and the staff queue's views", () => {
  it('to review, awaiting a supervisor, escalated — this utility only, closed ones not at all', async () => {
    const bill = await seedBill();
    expect(await refundCounts(bill.utilityId)).toEqual({ toReview: 0, awaitingSupervisor: 0, escalated: 0 });
    const agent = await refundStaff(bill.utilityId, 'AGENT');
    await request(bill, 'submitted');
    await request(bill, 'under_review');
    await request(bill, 'under_review', { firstApprovedBy: agent.staffId });
    await request(bill, 'failed', { escalated: true });
    // Failing but still retried by itself, or closed one way or another: nobody needs to act.
    await request(bill, 'failed');
    for (const closed of ['approved', 'refunding', 'refunded', 'rejected', 'withdrawn']) await request(bill, closed);
    const other = await seedBill();
    await request(other, 'submitted');
    await request(other, 'failed', { escalated: true });

    expect(await refundCounts(bill.utilityId)).toEqual({ toReview: 2, awaitingSupervisor: 1, escalated: 1 });
    expect(await refundCounts(other.utilityId)).toEqual({ toReview: 1, awaitingSupervisor: 0, escalated: 1 });

    // Each tile leads to a view of the queue listing exactly what it counted.
    const states = async (view: Parameters<typeof staffRefundQueue>[1]) => (await staffRefundQueue(bill.utilityId, view)).map((r) => r.state).sort();
    expect(await states('review')).toEqual(['submitted', 'under_review']);
    expect(await states('supervisor')).toEqual(['under_review']);
    expect(await states('escalated')).toEqual(['failed']);
    expect(await states('open')).toEqual(['approved', 'failed', 'failed', 'refunding', 'submitted', 'under_review', 'under_review']);
    expect(await states('closed')).toEqual(['refunded', 'rejected', 'withdrawn']);
    // Escalated first in the open view: people must act on it.
    expect((await staffRefundQueue(bill.utilityId, 'open'))[0]).toMatchObject({ state: 'failed', escalated: true });
  });
});
