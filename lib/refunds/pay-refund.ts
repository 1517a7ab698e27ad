import { withTransaction } from '@/lib/db/transaction';
import { pool } from '@/lib/db/client';
import { isChannelError, type RefundSnapshot } from '@/lib/payments/channel';
import type { Channels } from '@/lib/payments/app-channels';
import { applyPayoutState } from './apply-payout-state';
import { prepareRefundQueues } from './pay-job';
import { allocatePayouts, payoutsOf, type Payout } from './payouts';
import { lockRefund, moveRefund, recordRefundStep } from './records';

/**
 * Sends an approved refund back through the channels of the bill's original payments.
 *
 * 1. In one transaction: approved (or failed, on a retry) → refunding, and the split over the
 *    payments is written (payment rows locked) for whatever is not yet covered by live payouts.
 * 2. Outside it, each payout still processing is sent to its channel under its own out_refund_no.
 *    The channels treat a repeated out_refund_no as the same refund, so a retry after a timeout
 *    re-asks for the same money and can never pay twice; a payout a channel refused is failed
 *    and the next attempt splits the remainder under new numbers.
 * 3. Each answer is applied (lib/refunds/apply-payout-state.ts), then the request settles.
 */
export interface PayPolicy {
  maxAttempts: number;
}

const SYSTEM = { kind: 'SYSTEM' } as const;

export async function payRefund(channels: Channels, refundId: string, now: Date, policy: PayPolicy): Promise<void> {
  await prepareRefundQueues();
  const toSend = await withTransaction(async (client) => {
    const refund = await lockRefund(client, refundId, SYSTEM);
    if (refund.state === 'approved' || refund.state === 'failed') {
      await moveRefund(client, refund, 'refunding', SYSTEM, { kind: refund.state === 'failed' ? 'retry' : 'pay' }, now, { attemptsPlusOne: true });
    } else if (refund.state !== 'refunding') {
      return null;
    }
    const payouts = await payoutsOf(client, refund.id);
    const live = payouts.filter((p) => p.status !== 'failed').reduce((sum, p) => sum + p.amountFen, 0n);
    if (live < refund.amountFen && !(await allocatePayouts(client, refund.id, refund.billId, refund.amountFen - live, now))) {
      // Less is left on the payments than was approved: no retry can fix that, people must.
      await moveRefund(client, refund, 'failed', SYSTEM, { kind: 'fail', detail: { error: 'exceeds_refundable' } }, now, { lastError: 'exceeds_refundable' });
      await escalate(client, refund, 'exceeds_refundable', now);
      return null;
    }
    return (await payoutsOf(client, refund.id)).filter((p) => p.status === 'processing');
  });
  if (!toSend) return;
  const errors: string[] = [];
  for (const payout of toSend) {
    const snapshot = await sendPayout(channels, payout, now, errors);
    if (snapshot) await applyPayoutState(snapshot, 'pay', now);
  }
  await settleRefund(refundId, now, policy, errors[0] ?? null);
}

async function sendPayout(channels: Channels, payout: Payout, now: Date, errors: string[]): Promise<RefundSnapshot | null> {
  const channel = channels.get(payout.channel);
  if (!channel) {
    errors.push(`channel_unavailable:${payout.channel}`);
    return null;
  }
  try {
    return await channel.refund({
      outTradeNo: payout.outTradeNo,
      outRefundNo: payout.outRefundNo,
      refundFen: payout.amountFen,
      totalFen: payout.paymentAmountFen,
      reason: '暖心退费',
      now,
    });
  } catch (error) {
    if (!isChannelError(error)) throw error;
    errors.push(`${payout.channel}:${error.code}`);
    // The channel refused this exact refund: it will never pay it, so the payout is failed and
    // the next attempt asks again for the money under a new number.
    if (error.code === 'invalid_request' || error.code === 'not_found') {
      await pool().query(`UPDATE refund_payout SET status = 'failed', updated_at = $2 WHERE id = $1 AND status = 'processing'`, [payout.id, now]);
    }
    // Anything else (timeout, gateway down) may or may not have reached the channel: the payout
    // stays processing and is asked again under the same number.
    return null;
  }
}

/**
 * Moves a refunding request by its payouts: all of them succeeded → refunded; any failed or
 * abnormal, or an error on the way → failed (retried by the sweep, escalated after the last
 * attempt); some still processing at the channel → stays refunding until a notify or query.
 */
export async function settleRefund(refundId: string, now: Date, policy: PayPolicy, error: string | null = null): Promise<void> {
  await prepareRefundQueues();
  await withTransaction(async (client) => {
    const refund = await lockRefund(client, refundId, SYSTEM);
    if (refund.state !== 'refunding') return;
    const payouts = await payoutsOf(client, refund.id);
    const paid = payouts.filter((p) => p.status === 'succeeded').reduce((sum, p) => sum + p.amountFen, 0n);
    if (paid === refund.amountFen) {
      await moveRefund(client, refund, 'refunded', SYSTEM, { kind: 'refunded', detail: { payouts: payouts.filter((p) => p.status === 'succeeded').length } }, now);
      return;
    }
    const problem = error ?? (payouts.some((p) => p.status === 'abnormal') ? 'abnormal' : payouts.some((p) => p.status === 'failed') ? 'channel_failed' : null);
    if (problem === null) return;
    await moveRefund(client, refund, 'failed', SYSTEM, { kind: 'fail', detail: { error: problem, attempt: refund.attempts } }, now, { lastError: problem });
    if (refund.attempts >= policy.maxAttempts || problem === 'abnormal') await escalate(client, refund, problem, now);
  });
}

async function escalate(client: Parameters<typeof recordRefundStep>[0], refund: Awaited<ReturnType<typeof lockRefund>>, error: string, now: Date): Promise<void> {
  await client.query(`UPDATE refund_request SET escalated_at = coalesce(escalated_at, $2) WHERE id = $1`, [refund.id, now]);
  await recordRefundStep(client, refund, SYSTEM, { from: refund.state, to: refund.state, kind: 'escalate', detail: { error, attempts: refund.attempts } }, now);
}
