import { pool } from '@/lib/db/client';
import { isChannelError } from '@/lib/payments/channel';
import type { Channels } from '@/lib/payments/app-channels';
import { applyPayoutState } from './apply-payout-state';
import { payRefund, settleRefund, type PayPolicy } from './pay-refund';

/**
 * The refunds' clock, every minute: a failed refund is tried again after a growing pause until its
 * attempts run out (then it waits for staff, escalated), and a payout a channel is still processing
 * is asked about, in case its notify never comes.
 */
export const RETRY_AFTER_SECONDS = [60, 300, 1800, 3600, 7200] as const;
export const QUERY_AFTER_SECONDS = 60;

export function retryDelaySeconds(attempts: number): number {
  return RETRY_AFTER_SECONDS[Math.min(Math.max(attempts - 1, 0), RETRY_AFTER_SECONDS.length - 1)] ?? 60;
}

export async function sweepRefunds(channels: Channels, now: Date, policy: PayPolicy): Promise<{ retried: number; queried: number }> {
  const { rows: failed } = await pool().query<{ id: string; attempts: number; updated_at: Date }>(
    `SELECT id, attempts, updated_at FROM refund_request
     WHERE state = 'failed' AND escalated_at IS NULL AND attempts < $1 ORDER BY updated_at LIMIT 50`,
    [policy.maxAttempts],
  );
  let retried = 0;
  for (const refund of failed) {
    if (now.getTime() - refund.updated_at.getTime() < retryDelaySeconds(refund.attempts) * 1000) continue;
    await payRefund(channels, refund.id, now, policy);
    retried++;
  }
  const { rows: waiting } = await pool().query<{ refund_id: string; out_refund_no: string; out_trade_no: string; channel: string }>(
    `SELECT o.refund_id, o.out_refund_no, p.out_trade_no, p.channel
     FROM refund_payout o JOIN payment p ON p.id = o.payment_id JOIN refund_request r ON r.id = o.refund_id
     WHERE o.status = 'processing' AND r.state = 'refunding' AND o.updated_at < $1 ORDER BY o.updated_at LIMIT 50`,
    [new Date(now.getTime() - QUERY_AFTER_SECONDS * 1000)],
  );
  let queried = 0;
  for (const payout of waiting) {
    const channel = channels.get(payout.channel as Parameters<Channels['get']>[0]);
    if (!channel) continue;
    try {
      const snapshot = await channel.queryRefund({ outTradeNo: payout.out_trade_no, outRefundNo: payout.out_refund_no, now });
      await applyPayoutState(snapshot, 'query', now);
      await settleRefund(payout.refund_id, now, policy);
      queried++;
    } catch (error) {
      // Unreachable channel: asked again on the next sweep.
      if (!isChannelError(error)) throw error;
      console.warn(`[refunds] query of ${payout.out_refund_no} failed: ${error.code}`);
    }
  }
  return { retried, queried };
}
