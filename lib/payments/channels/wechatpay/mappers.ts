import {
  ChannelError,
  type PaymentSnapshot,
  type RefundSnapshot,
} from '@/lib/payments/channel';
import { jsonNumberToFen } from '../shared/money';
import type { WeChatPayConfig } from './config';
import type { Refund, RefundResource, Transaction } from './schemas';
import { mapRefundState, mapTradeState } from './status';

// A transaction for another merchant or official account is never ours to credit, even
// when WeChat Pay signed it.
export function toPaymentSnapshot(tx: Transaction, config: WeChatPayConfig): PaymentSnapshot {
  if (tx.mchid !== config.mchId) {
    throw new ChannelError('merchant_mismatch', 'Transaction for another merchant', { mchid: tx.mchid });
  }
  if (tx.appid !== config.appId) {
    throw new ChannelError('app_mismatch', 'Transaction for another app id', { appid: tx.appid });
  }
  const status = mapTradeState(tx.trade_state);
  if (status === null) {
    throw new ChannelError('bad_response', `Unknown trade_state ${tx.trade_state}`);
  }
  return {
    channel: 'wechatpay',
    outTradeNo: tx.out_trade_no,
    channelTradeNo: tx.transaction_id ?? null,
    status,
    amountFen: tx.amount.total === undefined ? null : jsonNumberToFen(tx.amount.total),
    paidAt: tx.success_time === undefined ? null : parseRfc3339(tx.success_time),
    rawStatus: tx.trade_state,
  };
}

export function toRefundSnapshot(refund: Refund | RefundResource): RefundSnapshot {
  const rawStatus = 'status' in refund ? refund.status : refund.refund_status;
  const status = mapRefundState(rawStatus);
  if (status === null) throw new ChannelError('bad_response', `Unknown refund status ${rawStatus}`);
  return {
    channel: 'wechatpay',
    outTradeNo: refund.out_trade_no,
    outRefundNo: refund.out_refund_no,
    channelRefundNo: refund.refund_id,
    status,
    refundFen: jsonNumberToFen(refund.amount.refund),
    succeededAt: refund.success_time === undefined ? null : parseRfc3339(refund.success_time),
    rawStatus,
  };
}

function parseRfc3339(text: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new ChannelError('bad_response', `Not a time: ${text}`);
  return date;
}
