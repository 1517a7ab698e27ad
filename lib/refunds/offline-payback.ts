import { withTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors/app-error';
import { prepareRefundQueues } from './pay-job';
import { payoutsOf } from './payouts';
import { lockRefund, moveRefund, type RefundActor } from './records';

/**
 * 已线下退回: a refund no channel can pay (its bill was paid outside Nuanxin, so there is no
 * payment to send it back through; or a channel refused for good) failed and was escalated; the
 * utility paid the resident back by hand. A supervisor records that with a note naming the
 * transfer, and the request becomes refunded with the ledger entry the channel path would have
 * written: what is left unpaid of it comes off the bill, once.
 */
type Staff = Extract<RefundActor, { kind: 'STAFF' }>;

export const OFFLINE_NOTE_MAX = 500;

export async function markPaidOffline(input: { refundId: string; actor: Staff; note: string }, now: Date): Promise<{ amountFen: bigint }> {
  if (input.actor.role === 'AGENT') throw new AppError('forbidden', 'supervisor_required');
  const note = input.note.trim();
  if (note.length === 0 || note.length > OFFLINE_NOTE_MAX) throw new AppError('invalid_input', 'note');
  await prepareRefundQueues();
  return withTransaction(async (client) => {
    const refund = await lockRefund(client, input.refundId, input.actor);
    // Only once the machinery gave up: a refund still retrying might yet pay through its channel.
    if (refund.state !== 'failed' || refund.escalatedAt === null) throw new AppError('invalid_transition', `offline payback in ${refund.state}`);
    const payouts = await payoutsOf(client, refund.id);
    // Money that may still leave at a channel would be paid twice.
    if (payouts.some((p) => p.status === 'processing')) throw new AppError('invalid_transition', 'money_in_flight');
    const sent = payouts.filter((p) => p.status === 'succeeded').reduce((sum, p) => sum + p.amountFen, 0n);
    const offlineFen = refund.amountFen - sent;
    // A flagged payment's money never reached its bill; every other refund leaves it, like bookRefund.
    if (offlineFen > 0n && refund.reason !== 'FLAGGED_PAYMENT') {
      await client.query(
        `INSERT INTO bill_ledger (bill_id, at, amount_fen, kind, source_id) VALUES ($1, $2, $3, 'refund', $4) ON CONFLICT (source_id) DO NOTHING`,
        [refund.billId, now, (-offlineFen).toString(), `refund:offline:${refund.id}`],
      );
    }
    await moveRefund(
      client,
      refund,
      'refunded',
      input.actor,
      { kind: 'offline_payback', message: note, detail: { offlineFen: offlineFen.toString(), channelFen: sent.toString() } },
      now,
      { notice: 'refund_refunded_offline' },
    );
    return { amountFen: offlineFen };
  });
}
