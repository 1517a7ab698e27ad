import {
  ChannelError,
  type CreatedPayment,
  type CreatePaymentInput,
  type NotifyReply,
  type NotifyRequest,
  type PaymentChannel,
  type PaymentNotice,
  type PaymentSnapshot,
  type RefundInput,
  type RefundSnapshot,
} from '@/lib/payments/channel';
import { loadPrivateKey, loadPublicKey } from '../shared/keys';
import { assertPositiveFen, fenToYuan, yuanToFen } from '../shared/money';
import { parseAs } from '../shared/parse';
import { parseShanghaiDateTime } from '../shared/shanghai-time';
import { callAlipay, type AlipayContext } from './client';
import type { AlipayConfig } from './config';
import { parseAlipayNotify } from './notify';
import { refundQuerySchema, refundReplySchema, tradeQuerySchema } from './schemas';
import { mapTradeStatus } from './status';
import { buildWapPay } from './wap-pay';

// Alipay's notify carries no timestamp window or nonce to claim: its retries repeat the
// same notify_id, so duplicates are absorbed by the payment state machine instead.
export function createAlipayChannel(config: AlipayConfig): PaymentChannel {
  const ctx: AlipayContext = {
    config,
    appKey: loadPrivateKey(config.appPrivateKeyPem),
    alipayKey: loadPublicKey(config.alipayPublicKeyPem),
  };

  async function createPayment(input: CreatePaymentInput): Promise<CreatedPayment> {
    assertPositiveFen(input.amountFen, 'A payment');
    const launch = buildWapPay(config, ctx.appKey, input);
    return { outTradeNo: input.outTradeNo, channelTradeNo: null, launch: { kind: 'redirect', ...launch } };
  }

  async function parseNotify(request: NotifyRequest): Promise<PaymentNotice> {
    return parseAlipayNotify(request, config, ctx.alipayKey);
  }

  async function queryPayment(input: { outTradeNo: string; now: Date }): Promise<PaymentSnapshot> {
    const reply = await callAlipay(ctx, 'alipay.trade.query', { out_trade_no: input.outTradeNo }, input.now);
    const trade = parseAs(tradeQuerySchema, reply, 'Alipay trade');
    if (trade.out_trade_no !== input.outTradeNo) {
      throw new ChannelError('trade_mismatch', 'The query answered for another trade');
    }
    const paidAt = trade.send_pay_date === undefined ? null : parseShanghaiDateTime(trade.send_pay_date);
    const status = mapTradeStatus(trade.trade_status, paidAt !== null);
    if (status === null) throw new ChannelError('bad_response', `Unknown trade_status ${trade.trade_status}`);
    return {
      channel: 'alipay',
      outTradeNo: trade.out_trade_no,
      channelTradeNo: trade.trade_no ?? null,
      status,
      amountFen: yuanToFen(trade.total_amount),
      paidAt,
      rawStatus: trade.trade_status,
    };
  }

  // A synchronous refund: fund_change "Y" means the money moved now; anything else is a
  // repeat or still in flight, and queryRefund has the final word.
  async function refund(input: RefundInput): Promise<RefundSnapshot> {
    assertPositiveFen(input.refundFen, 'A refund');
    if (input.refundFen > input.totalFen) {
      throw new ChannelError('invalid_request', 'A refund cannot exceed the payment');
    }
    const biz = {
      out_trade_no: input.outTradeNo,
      refund_amount: fenToYuan(input.refundFen),
      refund_reason: input.reason,
      out_request_no: input.outRefundNo,
    };
    const reply = parseAs(refundReplySchema, await callAlipay(ctx, 'alipay.trade.refund', biz, input.now), 'Alipay refund');
    const moved = reply.fund_change === 'Y';
    return {
      channel: 'alipay',
      outTradeNo: reply.out_trade_no,
      outRefundNo: input.outRefundNo,
      channelRefundNo: null,
      status: moved ? 'succeeded' : 'processing',
      refundFen: input.refundFen,
      succeededAt: moved && reply.gmt_refund_pay ? parseShanghaiDateTime(reply.gmt_refund_pay) : null,
      rawStatus: `fund_change=${reply.fund_change ?? ''}`,
    };
  }

  async function queryRefund(input: { outTradeNo: string; outRefundNo: string; now: Date }): Promise<RefundSnapshot> {
    const biz = {
      out_trade_no: input.outTradeNo,
      out_request_no: input.outRefundNo,
      query_options: ['gmt_refund_pay'],
    };
    const raw = await callAlipay(ctx, 'alipay.trade.fastpay.refund.query', biz, input.now);
    const found = parseAs(refundQuerySchema, raw, 'Alipay refund query');
    if (found.out_request_no !== input.outRefundNo || found.refund_amount === undefined) {
      throw new ChannelError('not_found', 'Alipay has no such refund', { outRefundNo: input.outRefundNo });
    }
    if (found.out_trade_no !== undefined && found.out_trade_no !== input.outTradeNo) {
      throw new ChannelError('trade_mismatch', 'The refund belongs to another trade');
    }
    // Without refund_status Alipay has not confirmed the refund yet (or refused it): keep asking.
    const succeeded = found.refund_status === 'REFUND_SUCCESS';
    return {
      channel: 'alipay',
      outTradeNo: input.outTradeNo,
      outRefundNo: input.outRefundNo,
      channelRefundNo: null,
      status: succeeded ? 'succeeded' : 'processing',
      refundFen: yuanToFen(found.refund_amount),
      succeededAt: found.gmt_refund_pay ? parseShanghaiDateTime(found.gmt_refund_pay) : null,
      rawStatus: found.refund_status ?? '',
    };
  }

  // Alipay stops retrying only on the literal body "success".
  function notifyReply(accepted: boolean): NotifyReply {
    return {
      status: 200,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      body: accepted ? 'success' : 'fail',
    };
  }

  return { id: 'alipay', createPayment, parseNotify, queryPayment, refund, queryRefund, notifyReply };
}
