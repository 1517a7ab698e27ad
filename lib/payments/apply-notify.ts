import type { NotifyRequest, PaymentChannel } from '@/lib/payments/channel';
import { applyChannelState, type ApplyOutcome } from './apply-channel-state';

/**
 * A channel's asynchronous notify: verified by the channel (signature, origin, freshness,
 * nonce), then applied in one transaction. Throws ChannelError for anything forged or unknown,
 * before the database is touched.
 */
export async function applyNotify(channel: PaymentChannel, request: NotifyRequest, now: Date): Promise<ApplyOutcome> {
  const notice = await channel.parseNotify(request, now);
  return applyChannelState(notice, 'notify', now);
}
