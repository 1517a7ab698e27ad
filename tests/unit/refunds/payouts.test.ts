import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pool } from '@/lib/db/client';
import { ChannelError, type PaymentChannel } from '@/lib/payments/channel';
import type { Channels } from '@/lib/payments/app-channels';
import { applyPayoutState } from '@/lib/refunds/apply-payout-state';
import { payRefund } from '@/lib/refunds/pay-refund';
import { approveRefund, rejectRefund } from '@/lib/refunds/review-refund';
import { submitRefund } from '@/lib/refunds/submit-refund';
import { sweepRefunds } from '@/lib/refunds/sweep';
import { receiveRefundNotify } from '@/lib/refunds/receive-refund-notify';
import { signSandboxMessage } from '@/lib/payments/channels/sandbox-bank/protocol';
import { refundFields } from '@/lib/sandbox-bank/gateway';
import { createRefund } from '@/lib/sandbox-bank/refunds';
import { startSandboxWorld, type SandboxWorld } from '../payments/db-support';
import { paidSandboxBill, refundStaff } from './support';

let world: SandboxWorld;
const policy = { maxAttempts: 3 };
const refundPolicy = { supervisorThresholdFen: 50_000n, promiseWorkingDays: 10 };

beforeAll(async () => {
  world = await startSandboxWorld();
});

afterAll(async () => {
  await world.bank.close();
});

/** A request under review, written directly: the concurrency test needs more claims than the rules would give. */
async function requestUnderReview(b: { utilityId: string; billId: string; residentId: string }, amountFen: bigint): Promise<string> {
  const { rows } = await pool().query<{ id: string }>(
    `INSERT INTO refund_request (utility_id, account_id, bill_id, resident_id, idempotency_key, reason, amount_fen, lines, state, needs_supervisor, expected_by)
     SELECT $1, b.account_id, b.id, $3, $4, 'OVERPAYMENT', $5, '[]', 'under_review', false, current_date FROM bill b WHERE b.id = $2 RETURNING id`,
    [b.utilityId, b.billId, b.residentId, randomUUID(), amountFen.toString()],
  );
  return rows[0]!.id;
}

async function bankRefunds(outTradeNo: string) {
  const { rows } = await pool().query<{ refund_fen: string; out_refund_no: string }>(
    `SELECT refund_fen::text AS refund_fen, out_refund_no FROM sandbox_bank_refund WHERE out_trade_no = $1`,
    [outTradeNo],
  );
  return rows;
}

async function stateOf(refundId: string) {
  const { rows } = await pool().query<{ state: string; attempts: number; escalated: boolean; last_error: string | null }>(
    `SELECT state, attempts, escalated_at IS NOT NULL AS escalated, last_error FROM refund_request WHERE id = $1`,
    [refundId],
  );
  return rows[0]!;
}

describe('paying refunds back through the original payment', () => {
  it('20 concurrent approvals on one payment never send back more than it', async () => {
    const bill = await paidSandboxBill(world);
    const agent = await refundStaff(bill.utilityId, 'AGENT');
    // 20 × 300.00 元 asked on a 4,264.42 元 payment: 14 fit (4,200.00 元), 6 cannot.
    const ids = await Promise.all(Array.from({ length: 20 }, () => requestUnderReview(bill, 30_000n)));
    await Promise.all(
      ids.map(async (id) => {
        await approveRefund({ refundId: id, actor: agent }, new Date());
        await payRefund(world.channels, id, new Date(), policy);
      }),
    );
    const states = await Promise.all(ids.map(stateOf));
    expect(states.filter((s) => s.state === 'refunded')).toHaveLength(14);
    expect(states.filter((s) => s.state === 'failed' && s.escalated && s.last_error === 'exceeds_refundable')).toHaveLength(6);
    const sent = (await bankRefunds(bill.outTradeNo)).reduce((sum, r) => sum + BigInt(r.refund_fen), 0n);
    expect(sent).toBe(420_000n);
    expect(sent <= bill.amountFen).toBe(true);
    const { rows } = await pool().query<{ status: string; ledger: string }>(
      `SELECT p.status, (SELECT sum(amount_fen) FROM bill_ledger WHERE bill_id = p.bill_id AND kind = 'refund')::text AS ledger FROM payment p WHERE p.id = $1`,
      [bill.paymentId],
    );
    expect(rows[0]).toEqual({ status: 'partially_refunded', ledger: '-420000' });
  });

  it('a refund the channel loses the answer to is retried under the same number and paid once', async () => {
    const bill = await paidSandboxBill(world);
    await pool().query(`UPDATE heating_account SET status = 'SUSPENDED' FROM bill WHERE bill.id = $1 AND heating_account.id = bill.account_id`, [bill.billId]);
    const submitted = await submitRefund(
      { residentId: bill.residentId, billId: bill.billId, reason: 'SUSPENSION', note: '已报停', idempotencyKey: randomUUID() },
      new Date(),
      refundPolicy,
    );
    const agent = await refundStaff(bill.utilityId, 'AGENT');
    const supervisor = await refundStaff(bill.utilityId, 'SUPERVISOR');
    // Above 500.00 元: the agent's approval alone does not release it, nor may the same person approve twice.
    expect(await approveRefund({ refundId: submitted.refundId, actor: agent }, new Date())).toBe('awaiting_supervisor');
    await expect(approveRefund({ refundId: submitted.refundId, actor: agent }, new Date())).rejects.toMatchObject({ code: 'forbidden' });
    expect(await approveRefund({ refundId: submitted.refundId, actor: supervisor }, new Date())).toBe('approved');

    // The bank refunds, but the answer never arrives (a timeout on the way back).
    const real = world.channels.get('sandbox-bank')!;
    let calls = 0;
    const lossy: PaymentChannel = {
      ...real,
      async refund(input) {
        calls++;
        await real.refund(input);
        if (calls === 1) throw new ChannelError('gateway_timeout', 'answer lost');
        return real.refund(input);
      },
    };
    const channels: Channels = new Map([['sandbox-bank', lossy]]);
    const t0 = new Date();
    await payRefund(channels, submitted.refundId, t0, policy);
    expect(await stateOf(submitted.refundId)).toMatchObject({ state: 'failed', attempts: 1, escalated: false });
    const [first] = await bankRefunds(bill.outTradeNo);

    // The sweep waits for the pause, then tries again.
    expect(await sweepRefunds(channels, new Date(t0.getTime() + 10_000), policy)).toMatchObject({ retried: 0 });
    expect(await sweepRefunds(channels, new Date(t0.getTime() + 61_000), policy)).toMatchObject({ retried: 1 });
    expect(await stateOf(submitted.refundId)).toMatchObject({ state: 'refunded', attempts: 2 });
    const refunds = await bankRefunds(bill.outTradeNo);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.out_refund_no).toBe(first!.out_refund_no);
    const { rows: amount } = await pool().query<{ amount_fen: string }>(`SELECT amount_fen::text FROM refund_request WHERE id = $1`, [submitted.refundId]);
    expect(refunds[0]!.refund_fen).toBe(amount[0]!.amount_fen);

    // A replayed answer changes nothing, and the ledger has the refund once.
    const replay = await real.queryRefund({ outTradeNo: bill.outTradeNo, outRefundNo: first!.out_refund_no, now: new Date() });
    expect((await applyPayoutState(replay, 'query', new Date())).changed).toBe(false);
    const { rows: ledger } = await pool().query(`SELECT 1 FROM bill_ledger WHERE bill_id = $1 AND kind = 'refund'`, [bill.billId]);
    expect(ledger).toHaveLength(1);
    const { rows: events } = await pool().query<{ kind: string }>(`SELECT kind FROM refund_event WHERE refund_id = $1 ORDER BY id`, [submitted.refundId]);
    expect(events.map((e) => e.kind)).toEqual(['submit', 'review', 'first_approval', 'second_approval', 'pay', 'fail', 'retry', 'refunded']);
  });

  it('a double submit creates one request, and a rejection is kept with its reason', async () => {
    const bill = await paidSandboxBill(world);
    await pool().query(`UPDATE heating_account SET status = 'SUSPENDED' FROM bill WHERE bill.id = $1 AND heating_account.id = bill.account_id`, [bill.billId]);
    const key = randomUUID();
    const input = { residentId: bill.residentId, billId: bill.billId, reason: 'SUSPENSION' as const, note: null, idempotencyKey: key };
    const [a, b] = await Promise.all([submitRefund(input, new Date(), refundPolicy), submitRefund(input, new Date(), refundPolicy)]);
    expect(a.refundId).toBe(b.refundId);
    // Asking again with another key finds nothing left to claim.
    await expect(submitRefund({ ...input, idempotencyKey: randomUUID() }, new Date(), refundPolicy)).rejects.toMatchObject({ detail: 'nothing_to_refund' });
    const agent = await refundStaff(bill.utilityId, 'AGENT');
    await rejectRefund({ refundId: a.refundId, actor: agent, reason: '报停手续未办完' }, new Date());
    const { rows } = await pool().query(`SELECT state, reject_reason FROM refund_request WHERE id = $1`, [a.refundId]);
    expect(rows[0]).toEqual({ state: 'rejected', reject_reason: '报停手续未办完' });
  });

  it('a refund settled at the bank later is booked by its verified notify, once; forged and replayed notifies change nothing', async () => {
    const bill = await paidSandboxBill(world);
    const id = await requestUnderReview(bill, 10_000n);
    const agent = await refundStaff(bill.utilityId, 'AGENT');
    await approveRefund({ refundId: id, actor: agent }, new Date());
    // The request never reaches the bank this time: the payout is left processing.
    const real = world.channels.get('sandbox-bank')!;
    const down: PaymentChannel = { ...real, refund: () => Promise.reject(new ChannelError('gateway_timeout', 'no answer')) };
    await payRefund(new Map([['sandbox-bank', down]]), id, new Date(), policy);
    expect(await stateOf(id)).toMatchObject({ state: 'failed' });
    const { rows: payouts } = await pool().query<{ out_refund_no: string }>(`SELECT out_refund_no FROM refund_payout WHERE refund_id = $1`, [id]);
    // The bank settles it after all and tells us.
    const settled = await createRefund(
      world.side.merchantId,
      { out_trade_no: bill.outTradeNo, out_refund_no: payouts[0]!.out_refund_no, refund_fen: '10000', notify_url: '' },
      new Date(),
    );
    if (typeof settled === 'string') throw new Error(settled);
    const body = (secret: string) =>
      JSON.stringify(
        signSandboxMessage({ type: 'refund.notify', merchant_id: world.side.merchantId, ...refundFields(settled) }, secret, {
          now: new Date(),
          nonce: randomBytes(16).toString('hex'),
        }),
      );
    const notify = (b: string) => receiveRefundNotify(world.channels, 'sandbox-bank', { headers: new Headers(), body: b }, new Date(), policy);
    expect((await notify(body(randomBytes(32).toString('hex'))))?.status).toBe(400); // forged
    const genuine = body(world.side.secret);
    expect((await notify(genuine))?.status).toBe(200);
    expect((await notify(genuine))?.status).toBe(400); // replayed nonce
    expect((await notify(body(world.side.secret)))?.status).toBe(200); // the bank's retry, freshly signed
    const { rows: ledger } = await pool().query(`SELECT 1 FROM bill_ledger WHERE bill_id = $1 AND kind = 'refund'`, [bill.billId]);
    expect(ledger).toHaveLength(1);
    // The next sweep finds the money already back and closes the request without paying again.
    await sweepRefunds(world.channels, new Date(Date.now() + 120_000), policy);
    expect(await stateOf(id)).toMatchObject({ state: 'refunded' });
    expect(await bankRefunds(bill.outTradeNo)).toHaveLength(1);
  });
});
