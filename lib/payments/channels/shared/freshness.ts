import { ChannelError } from '@/lib/payments/channel';
import { unixSeconds } from './shanghai-time';

export const MAX_CLOCK_SKEW_SECONDS = 300;

// A signed message older (or newer) than five minutes is refused so a captured one cannot
// be replayed later; within the window, replays are caught by the nonce store.
export function assertFresh(timestamp: string, now: Date): number {
  if (!/^\d{1,12}$/.test(timestamp)) {
    throw new ChannelError('signature_invalid', 'Missing or malformed timestamp');
  }
  const seconds = Number(timestamp);
  const skew = Math.abs(unixSeconds(now) - seconds);
  if (skew > MAX_CLOCK_SKEW_SECONDS) {
    throw new ChannelError('stale_timestamp', `Timestamp is ${skew} s away from now`, { skew });
  }
  return seconds;
}

export function replayKeepUntil(timestampSeconds: number): Date {
  return new Date((timestampSeconds + MAX_CLOCK_SKEW_SECONDS + 1) * 1000);
}
