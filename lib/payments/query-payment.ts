import { pool } from '@/lib/db/client';
import { withTransaction } from '@/lib/db/transaction';
import { isChannelError } from '@/lib/payments/channel';
import type { Channels } from './app-channels';
import { applyChannelState, type ApplyOutcome } from './apply-channel-state';
import { isOpenPayment, type PaymentState } from './payment-status';
import { EXPIRY_GRACE_MS } from './query-schedule';
import { findPayment, recordPaymentEvent, type TransitionEvent } from './records';


/**
 * Asks the channel about an open payment and applies the answer. A trade still unpaid (or
 * unknown to the channel) after its time limit expires: the channel no longer accepts it.
 */
export async function queryPayment(
  channels: Channels,
  paymentId: string,
  source: Extract<TransitionEvent['source'], 'query' | 'job'>,
  now: Date,
): Promise<{ status: PaymentState; changed: boolean }> {
  const payment = await findPayment(pool(), 'id', paymentId);
  if (!payment || !isOpenPayment(payment.status)) return { status: payment?.status ?? 'failed', changed: false };
  const channel = channels.get(payment.channel);
  // A channel switched off since: nothing can be learnt; expiry still applies.
  let outcome: ApplyOutcome | null = null;
  if (channel) {
    try {
      const snapshot = await channel.queryPayment({ outTradeNo: payment.outTradeNo, now });
      outcome = await applyChannelState(snapshot, source, now);
    } catch (error) {
      // Not found: Alipay knows a trade only once the cashier opened; that is "not paid".
      if (!isChannelError(error, 'not_found')) throw error;
    }
  }
  const status = outcome?.status ?? payment.status;
  if (isOpenPayment(status) && now.getTime() >= payment.expiresAt.getTime() + EXPIRY_GRACE_MS) {
    return { status: await expire(paymentId, source, now), changed: true };
  }
  return { status, changed: outcome?.changed ?? false };
}

async function expire(paymentId: string, source: TransitionEvent['source'], now: Date): Promise<PaymentState> {
  return withTransaction(async (client) => {
    const payment = await findPayment(client, 'id', paymentId, true);
    if (!payment || !isOpenPayment(payment.status)) return payment?.status ?? 'failed';
    await client.query(`UPDATE payment SET status = 'expired', next_query_at = NULL, updated_at = $2 WHERE id = $1`, [paymentId, now]);
    await recordPaymentEvent(client, paymentId, { from: payment.status, to: 'expired', source, at: now });
    return 'expired';
  });
}
