import type pg from 'pg';
import { recordAudit } from '@/lib/audit/record';
import { withTransaction } from '@/lib/db/transaction';
import { ChannelError, type RefundSnapshot } from '@/lib/payments/channel';
import { canTransitionPayment, type PaymentState } from '@/lib/payments/payment-status';
import { PAYOUT_COLUMNS, toPayout, type Payout, type PayoutRow } from './payouts';

/**
 * What a channel verifiably said about one of our refunds (its answer to the refund call, a query,
 * or a verified refund notify), applied in ONE transaction: lock the payout, move it, and when the
 * money left, take it off the bill (a negative ledger entry, once per payout) and mark the payment
 * refunded or partially refunded. Run twice with the same message, it changes nothing.
 */
export type PayoutSource = 'pay' | 'query' | 'notify';

export interface PayoutOutcome {
  refundId: string;
  changed: boolean;
}

export async function applyPayoutState(snapshot: RefundSnapshot, source: PayoutSource, now: Date): Promise<PayoutOutcome> {
  return withTransaction(async (client) => {
    const { rows } = await client.query<PayoutRow & { refund_id: string; bill_id: string; utility_id: string }>(
      `SELECT ${PAYOUT_COLUMNS}, o.refund_id, p.bill_id, r.utility_id
       FROM refund_payout o JOIN payment p ON p.id = o.payment_id JOIN refund_request r ON r.id = o.refund_id
       WHERE o.out_refund_no = $1 FOR UPDATE OF o`,
      [snapshot.outRefundNo],
    );
    const row = rows[0];
    if (!row || row.channel !== snapshot.channel || row.out_trade_no !== snapshot.outTradeNo) {
      throw new ChannelError('not_found', 'No such refund of ours on this channel', { outRefundNo: snapshot.outRefundNo });
    }
    const payout = toPayout(row);
    const unchanged = { refundId: row.refund_id, changed: false };
    if (snapshot.refundFen !== payout.amountFen) {
      // Signed by the channel but not what we asked: staff must look; nothing is booked.
      await audit(client, row.utility_id, payout, 'refund.payout_mismatch', { source, channelFen: snapshot.refundFen.toString() }, now);
      return unchanged;
    }
    const target = targetOf(snapshot.status);
    if (target === null || target === payout.status) return unchanged;
    if (payout.status === 'succeeded' || (payout.status === 'failed' && target !== 'succeeded')) return unchanged;
    if (payout.status === 'failed' && target === 'succeeded') {
      // Money left after we had given up on this payout: book it (the trigger still refuses
      // anything beyond the payment) and let staff look.
      await audit(client, row.utility_id, payout, 'refund.payout_succeeded_after_failed', { source }, now);
    }
    await client.query(
      `UPDATE refund_payout SET status = $2::text, channel_refund_no = coalesce(channel_refund_no, $3::text),
         succeeded_at = CASE WHEN $2::text = 'succeeded' THEN coalesce($4::timestamptz, $5::timestamptz) ELSE succeeded_at END,
         updated_at = $5::timestamptz
       WHERE id = $1`,
      [payout.id, target, snapshot.channelRefundNo, snapshot.succeededAt, now],
    );
    await audit(client, row.utility_id, payout, `refund.payout_${target}`, { source, rawStatus: snapshot.rawStatus, refundId: row.refund_id }, now);
    if (target === 'succeeded') await bookRefund(client, row.bill_id, payout, snapshot.succeededAt ?? now, now);
    return { refundId: row.refund_id, changed: true };
  });
}

function targetOf(status: RefundSnapshot['status']): Payout['status'] | null {
  switch (status) {
    case 'processing':
      return null;
    case 'succeeded':
      return 'succeeded';
    case 'failed':
    case 'closed':
      return 'failed';
    // WeChat's refund to a dead card: not paid, not to be retried blindly either.
    case 'abnormal':
      return 'abnormal';
  }
}

async function bookRefund(client: pg.PoolClient, billId: string, payout: Payout, at: Date, now: Date): Promise<void> {
  // A flagged payment paid back never reached the bill (lib/payments/resolve-flagged.ts): its
  // payback takes nothing off it.
  await client.query(
    `INSERT INTO bill_ledger (bill_id, at, amount_fen, kind, source_id)
     SELECT $1, $2, $3, 'refund', $4
     WHERE NOT EXISTS (SELECT 1 FROM payment_resolution WHERE payment_id = $5 AND outcome = 'refunded')
     ON CONFLICT (source_id) DO NOTHING`,
    [billId, at, (-payout.amountFen).toString(), `refund:${payout.id}`, payout.paymentId],
  );
  const { rows } = await client.query<{ status: PaymentState; refunded: string }>(
    `SELECT p.status, (SELECT coalesce(sum(amount_fen), 0) FROM refund_payout WHERE payment_id = p.id AND status = 'succeeded')::text AS refunded
     FROM payment p WHERE p.id = $1 FOR UPDATE`,
    [payout.paymentId],
  );
  const payment = rows[0];
  if (!payment) return;
  const to: PaymentState = BigInt(payment.refunded) >= payout.paymentAmountFen ? 'refunded' : 'partially_refunded';
  if (!canTransitionPayment(payment.status, to)) return;
  await client.query(`UPDATE payment SET status = $2::payment_status, updated_at = $3 WHERE id = $1`, [payout.paymentId, to, now]);
  await client.query(
    `INSERT INTO payment_event (payment_id, at, from_status, to_status, source, detail) VALUES ($1, $2, $3, $4, 'refund', $5)`,
    [payout.paymentId, now, payment.status, to, JSON.stringify({ outRefundNo: payout.outRefundNo, refundedFen: payment.refunded })],
  );
}

async function audit(client: pg.PoolClient, utilityId: string, payout: Payout, action: string, detail: Record<string, unknown>, now: Date): Promise<void> {
  await recordAudit(
    {
      actorKind: 'SYSTEM',
      utilityId,
      action,
      entity: 'refund_payout',
      entityId: payout.id,
      detail: { paymentId: payout.paymentId, outRefundNo: payout.outRefundNo, amountFen: payout.amountFen.toString(), channel: payout.channel, ...detail },
    },
    now,
    client,
  );
}
