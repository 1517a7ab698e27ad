import { AppError } from '@/lib/errors/app-error';
import { isChannelError, type ChannelId, type NotifyReply, type NotifyRequest } from '@/lib/payments/channel';
import type { Channels } from '@/lib/payments/app-channels';
import { applyPayoutState } from './apply-payout-state';
import type { PayPolicy } from './pay-refund';
import { settleRefund } from './pay-refund';

/**
 * A channel's refund notify: verified by the channel (signature, origin, freshness, nonce), then
 * applied like any answer about the refund. A replay or a duplicate changes nothing. Answered in
 * the channel's words; null when the channel has no refund notify (Alipay refunds synchronously).
 */
export async function receiveRefundNotify(
  channels: Channels,
  id: ChannelId,
  request: NotifyRequest,
  now: Date,
  policy: PayPolicy,
): Promise<NotifyReply | null> {
  const channel = channels.get(id);
  if (!channel?.parseRefundNotify) return null;
  try {
    const notice = await channel.parseRefundNotify(request, now);
    const outcome = await applyPayoutState(notice, 'notify', now);
    if (outcome.changed) await settleRefund(outcome.refundId, now, policy);
    return channel.notifyReply(true);
  } catch (error) {
    if (isChannelError(error)) {
      console.warn(`[refunds] ${id} refund notify refused: ${error.code} ${error.message}`);
      return channel.notifyReply(false);
    }
    if (error instanceof AppError) {
      console.warn(`[refunds] ${id} refund notify not applied: ${error.message}`);
      return channel.notifyReply(false);
    }
    throw error;
  }
}
