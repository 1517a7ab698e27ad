import { isChannelError, type ChannelId, type NotifyReply, type NotifyRequest } from '@/lib/payments/channel';
import { AppError } from '@/lib/errors/app-error';
import type { Channels } from './app-channels';
import { applyNotify } from './apply-notify';

/**
 * What a notify endpoint answers: the channel's own acknowledgement when the notify was applied
 * (or was a harmless duplicate), its "fail" body otherwise so it retries. Never a stack trace.
 */
export async function receiveNotify(channels: Channels, id: ChannelId, request: NotifyRequest, now: Date): Promise<NotifyReply | null> {
  const channel = channels.get(id);
  if (!channel) return null;
  try {
    const outcome = await applyNotify(channel, request, now);
    return channel.notifyReply(outcome.accepted);
  } catch (error) {
    if (isChannelError(error)) {
      console.warn(`[payments] ${id} notify refused: ${error.code} ${error.message}`);
      return channel.notifyReply(false);
    }
    if (error instanceof AppError) {
      console.warn(`[payments] ${id} notify not applied: ${error.message}`);
      return channel.notifyReply(false);
    }
    throw error;
  }
}
