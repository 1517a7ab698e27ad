import type { Channels } from './app-channels';
import { queryPayment } from './query-payment';
import { isOpenPayment, type PaymentState } from './payment-status';

// The result page polls every few seconds; the channel is asked at most this often per payment
// so a crowd of open result pages cannot hammer a gateway.
const MIN_QUERY_INTERVAL_MS = 4_000;
const lastAsked = new Map<string, number>();

/**
 * The verified status for a result page: the database's word, refreshed by asking the channel
 * when the payment is still open (the browser's return from the channel proves nothing).
 */
export async function refreshPayment(channels: Channels, paymentId: string, status: PaymentState, now: Date): Promise<PaymentState> {
  if (!isOpenPayment(status)) return status;
  const last = lastAsked.get(paymentId) ?? 0;
  if (now.getTime() - last < MIN_QUERY_INTERVAL_MS) return status;
  lastAsked.set(paymentId, now.getTime());
  if (lastAsked.size > 10_000) lastAsked.clear();
  return (await queryPayment(channels, paymentId, 'query', now)).status;
}
