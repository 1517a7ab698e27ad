import type { PaymentStatus } from '@/lib/payments/channel';

// TRADE_FINISHED is a paid trade past its refund window; TRADE_CLOSED is either an unpaid
// trade that timed out or a paid one refunded in full, told apart by a payment time.
export function mapTradeStatus(status: string, paid: boolean): PaymentStatus | null {
  switch (status) {
    case 'WAIT_BUYER_PAY':
      return 'pending';
    case 'TRADE_SUCCESS':
    case 'TRADE_FINISHED':
      return 'succeeded';
    case 'TRADE_CLOSED':
      return paid ? 'refunded' : 'closed';
    default:
      return null;
  }
}
