import type { PaymentStatus, RefundStatus } from '@/lib/payments/channel';

// trade_state → the payment state machine's vocabulary. REFUND means "paid, then (partly)
// refunded"; USERPAYING is a payer still entering a password.
const TRADE_STATES: Readonly<Record<string, PaymentStatus>> = {
  SUCCESS: 'succeeded',
  REFUND: 'refunded',
  NOTPAY: 'pending',
  USERPAYING: 'pending',
  CLOSED: 'closed',
  REVOKED: 'closed',
  PAYERROR: 'failed',
};

const REFUND_STATES: Readonly<Record<string, RefundStatus>> = {
  SUCCESS: 'succeeded',
  PROCESSING: 'processing',
  CLOSED: 'closed',
  ABNORMAL: 'abnormal',
};

export function mapTradeState(state: string): PaymentStatus | null {
  return TRADE_STATES[state] ?? null;
}

export function mapRefundState(state: string): RefundStatus | null {
  return REFUND_STATES[state] ?? null;
}
