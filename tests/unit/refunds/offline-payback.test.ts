import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pool } from '@/lib/db/client';
import type { Channels } from '@/lib/payments/app-channels';
import { markPaidOffline } from '@/lib/refunds/offline-payback';
import { payRefund } from '@/lib/refunds/pay-refund';
import { billState, seedBill } from '../payments/db-support';
import { refundStaff } from './support';

const policy = { maxAttempts: 3 };

/**
 * A bill paid outside Nuanxin (no payment row to refund through) and an approved 300.00 元 refund
 * on it: paying it fails at once and is escalated, as it would be for an imported bill.
 */
async function escalatedRefund() {
  const bill = await seedBill();
  const { rows } = await pool().query<{ id: string }>(
    `INSERT INTO refund_request (utility_id, account_id, bill_id, resident_id, idempotency_key, reason, amount_fen, lines, state, needs_supervisor, expected_by)
     SELECT $1, b.account_id, b.id, $3, $4, 'OVERPAYMENT', 30000, '[]', 'approved', false, current_date FROM bill b WHERE b.id = $2 RETURNING id`,
    [bill.utilityId, bill.billId, bill.residentId, randomUUID()],
  );
  const refundId = rows[0]!.id;
  await payRefund(new Map() as Channels, refundId, new Date(), policy);
  expect(await stateOf(refundId)).toMatchObject({ state: 'failed', escalated: true });
  return { ...bill, refundId };
}

async function stateOf(refundId: string) {
  const { rows } = await pool().query<{ state: string; escalated: boolean }>(
    `SELECT state, escalated_at IS NOT NULL AS escalated FROM refund_request WHERE id = $1`,
    [refundId],
  );
  return rows[0]!;
}

describe('已线下退回: a refund no channel can pay, paid back by hand', () => {
  it('a supervisor records it with a note: refunded, the ledger entry written once, audit logged', async () => {
    const r = await escalatedRefund();
    const supervisor = await refundStaff(r.utilityId, 'SUPERVISOR');
    const done = await markPaidOffline({ refundId: r.refundId, actor: supervisor, note: '银行转账 流水号 20261125-0042' }, new Date());
    expect(done.amountFen).toBe(30_000n);
    expect(await stateOf(r.refundId)).toMatchObject({ state: 'refunded' });
    // Like a channel payout's entry: the 300.00 元 paid back comes off the bill.
    expect((await billState(r.billId)).ledger).toEqual([{ amount_fen: '-30000', source_id: `refund:offline:${r.refundId}` }]);
    const { rows } = await pool().query<{ actor_id: string; detail: { message: string; offlineFen: string } }>(
      `SELECT actor_id, detail FROM audit_log WHERE entity_id = $1 AND action = 'refund.offline_payback'`,
      [r.refundId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_id: supervisor.staffId, detail: { message: '银行转账 流水号 20261125-0042', offlineFen: '30000' } });
    // Once refunded, it cannot be paid back again.
    await expect(markPaidOffline({ refundId: r.refundId, actor: supervisor, note: '再退一次' }, new Date())).rejects.toMatchObject({ code: 'invalid_transition' });
    expect((await billState(r.billId)).ledger).toHaveLength(1);
  });

  it('an agent, another utility, an empty note, or a refund not escalated are refused', async () => {
    const r = await escalatedRefund();
    const agent = await refundStaff(r.utilityId, 'AGENT');
    const other = await seedBill();
    const stranger = await refundStaff(other.utilityId, 'SUPERVISOR');
    const supervisor = await refundStaff(r.utilityId, 'SUPERVISOR');
    await expect(markPaidOffline({ refundId: r.refundId, actor: agent, note: '已转账' }, new Date())).rejects.toMatchObject({ code: 'forbidden' });
    await expect(markPaidOffline({ refundId: r.refundId, actor: stranger, note: '已转账' }, new Date())).rejects.toMatchObject({ code: 'not_found' });
    await expect(markPaidOffline({ refundId: r.refundId, actor: supervisor, note: '  ' }, new Date())).rejects.toMatchObject({ code: 'invalid_input' });
    // Failed but still being retried (not escalated): the channel may yet pay it.
    await pool().query(`UPDATE refund_request SET escalated_at = NULL WHERE id = $1`, [r.refundId]);
    await expect(markPaidOffline({ refundId: r.refundId, actor: supervisor, note: '已转账' }, new Date())).rejects.toMatchObject({ code: 'invalid_transition' });
    expect(await stateOf(r.refundId)).toMatchObject({ state: 'failed' });
    expect((await billState(r.billId)).ledger).toEqual([]);
  });

  it('two supervisors at once record it once', async () => {
    const r = await escalatedRefund();
    const [a, b] = await Promise.all([refundStaff(r.utilityId, 'SUPERVISOR'), refundStaff(r.utilityId, 'SUPERVISOR')]);
    const results = await Promise.allSettled([
      markPaidOffline({ refundId: r.refundId, actor: a, note: '转账 A' }, new Date()),
      markPaidOffline({ refundId: r.refundId, actor: b, note: '转账 B' }, new Date()),
    ]);
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    expect((await billState(r.billId)).ledger).toHaveLength(1);
  });
});
