import type { PaymentNotice, PaymentStatus, RefundSnapshot, RefundStatus } from '@/lib/payments/channel';
import type { SandboxPaymentStatus, SandboxRefundStatus } from './messages';

const PAYMENT_STATUSES: Readonly<Record<SandboxPaymentStatus, PaymentStatus>> = {
  PENDING: 'pending',
  SUCCESS: 'succeeded',
  FAILED: 'failed',
  CLOSED: 'closed',
};

const REFUND_STATUSES: Readonly<Record<SandboxRefundStatus, RefundStatus>> = {
  PROCESSING: 'processing',
  SUCCESS: 'succeeded',
  FAILED: 'failed',
};

interface PaymentFields {
  out_trade_no: string;
  bank_trade_no: string;
  amount_fen: string;
  status: SandboxPaymentStatus;
  paid_at: string;
}

interface RefundFields {
  out_trade_no: string;
  out_refund_no: string;
  bank_refund_no: string;
  refund_fen: string;
  status: SandboxRefundStatus;
  succeeded_at: string;
}

// The bank always states the amount, so its snapshots fit a notice as they are.
export function toPaymentSnapshot(fields: PaymentFields): Omit<PaymentNotice, 'notifyId'> {
  return {
    channel: 'sandbox-bank',
    outTradeNo: fields.out_trade_no,
    channelTradeNo: fields.bank_trade_no,
    status: PAYMENT_STATUSES[fields.status],
    amountFen: BigInt(fields.amount_fen),
    paidAt: fields.paid_at === '' ? null : new Date(fields.paid_at),
    rawStatus: fields.status,
  };
}

export function toRefundSnapshot(fields: RefundFields): RefundSnapshot {
  return {
    channel: 'sandbox-bank',
    outTradeNo: fields.out_trade_no,
    outRefundNo: fields.out_refund_no,
    channelRefundNo: fields.bank_refund_no,
    status: REFUND_STATUSES[fields.status],
    refundFen: BigInt(fields.refund_fen),
    succeededAt: fields.succeeded_at === '' ? null : new Date(fields.succeeded_at),
    rawStatus: fields.status,
  };
}
