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
  type RefundNotice,
  type RefundSnapshot,
  type ReplayGuard,
} from '@/lib/payments/channel';
import { loadPrivateKey, loadPublicKey } from '../shared/keys';
import { assertPositiveFen, fenToJsonNumber } from '../shared/money';
import { randomNonce } from '../shared/nonce';
import { parseJsonAs } from '../shared/parse';
import { formatShanghaiRfc3339, unixSeconds } from '../shared/shanghai-time';
import { callWeChatPay, type WeChatPayContext } from './client';
import type { WeChatPayConfig } from './config';
import { buildJsapiParams } from './jsapi-params';
import { toPaymentSnapshot, toRefundSnapshot } from './mappers';
import { openNotify } from './notify';
import { prepaySchema, refundResourceSchema, refundSchema, transactionSchema } from './schemas';

export interface WeChatPayDeps {
  nonce?: () => string;
  // When given, a notify whose nonce was seen before is refused.
  replayGuard?: ReplayGuard;
}

export function createWeChatPayChannel(config: WeChatPayConfig, deps: WeChatPayDeps = {}): PaymentChannel {
  const ctx: WeChatPayContext = {
    config,
    merchantKey: loadPrivateKey(config.merchantPrivateKeyPem),
    platformKeys: new Map(
      Object.entries(config.platformPublicKeys).map(([serial, pem]) => [serial, loadPublicKey(pem)]),
    ),
    nonce: deps.nonce ?? randomNonce,
  };
  const notifyKeys = {
    platformKeys: ctx.platformKeys,
    apiV3Key: config.apiV3Key,
    replayGuard: deps.replayGuard,
  };

  async function createPayment(input: CreatePaymentInput): Promise<CreatedPayment> {
    assertPositiveFen(input.amountFen, 'A payment');
    if (!input.payerOpenId) {
      throw new ChannelError('invalid_request', 'WeChat JSAPI payment needs the payer openid');
    }
    const reply = await callWeChatPay(ctx, {
      method: 'POST',
      path: '/v3/pay/transactions/jsapi',
      now: input.now,
      body: {
        appid: config.appId,
        mchid: config.mchId,
        description: input.description,
        out_trade_no: input.outTradeNo,
        time_expire: formatShanghaiRfc3339(input.expiresAt),
        notify_url: config.notifyUrl,
        amount: { total: fenToJsonNumber(input.amountFen), currency: 'CNY' },
        payer: { openid: input.payerOpenId },
        ...(input.clientIp ? { scene_info: { payer_client_ip: input.clientIp } } : {}),
      },
    });
    const { prepay_id: prepayId } = parseJsonAs(prepaySchema, reply.body, 'WeChat Pay prepay reply');
    const params = buildJsapiParams({
      appId: config.appId,
      prepayId,
      timestamp: String(unixSeconds(input.now)),
      nonce: ctx.nonce(),
      privateKey: ctx.merchantKey,
    });
    return { outTradeNo: input.outTradeNo, channelTradeNo: null, launch: { kind: 'jsapi', prepayId, params } };
  }

  async function parseNotify(request: NotifyRequest, now: Date): Promise<PaymentNotice> {
    const { envelope, plaintext } = await openNotify(request, notifyKeys, now);
    if (!envelope.event_type.startsWith('TRANSACTION.')) {
      throw new ChannelError('bad_response', `Not a payment notify: ${envelope.event_type}`);
    }
    const tx = parseJsonAs(transactionSchema, plaintext, 'WeChat Pay transaction');
    const snapshot = toPaymentSnapshot(tx, config);
    if (snapshot.amountFen === null) throw new ChannelError('bad_response', 'A payment notify without an amount');
    return { ...snapshot, amountFen: snapshot.amountFen, notifyId: envelope.id };
  }

  async function queryPayment(input: { outTradeNo: string; now: Date }): Promise<PaymentSnapshot> {
    const reply = await callWeChatPay(ctx, {
      method: 'GET',
      path:
        `/v3/pay/transactions/out-trade-no/${encodeURIComponent(input.outTradeNo)}` +
        `?mchid=${encodeURIComponent(config.mchId)}`,
      now: input.now,
    });
    const tx = parseJsonAs(transactionSchema, reply.body, 'WeChat Pay transaction');
    const snapshot = toPaymentSnapshot(tx, config);
    if (snapshot.outTradeNo !== input.outTradeNo) {
      throw new ChannelError('trade_mismatch', 'The query answered for another trade');
    }
    return snapshot;
  }

  async function refund(input: RefundInput): Promise<RefundSnapshot> {
    assertPositiveFen(input.refundFen, 'A refund');
    if (input.refundFen > input.totalFen) {
      throw new ChannelError('invalid_request', 'A refund cannot exceed the payment');
    }
    const reply = await callWeChatPay(ctx, {
      method: 'POST',
      path: '/v3/refund/domestic/refunds',
      now: input.now,
      body: {
        out_trade_no: input.outTradeNo,
        out_refund_no: input.outRefundNo,
        reason: input.reason,
        notify_url: config.refundNotifyUrl,
        amount: {
          refund: fenToJsonNumber(input.refundFen),
          total: fenToJsonNumber(input.totalFen),
          currency: 'CNY',
        },
      },
    });
    return toRefundSnapshot(parseJsonAs(refundSchema, reply.body, 'WeChat Pay refund'));
  }

  async function queryRefund(input: { outTradeNo: string; outRefundNo: string; now: Date }): Promise<RefundSnapshot> {
    const reply = await callWeChatPay(ctx, {
      method: 'GET',
      path: `/v3/refund/domestic/refunds/${encodeURIComponent(input.outRefundNo)}`,
      now: input.now,
    });
    const snapshot = toRefundSnapshot(parseJsonAs(refundSchema, reply.body, 'WeChat Pay refund'));
    if (snapshot.outTradeNo !== input.outTradeNo) {
      throw new ChannelError('trade_mismatch', 'The refund belongs to another trade');
    }
    return snapshot;
  }

  async function parseRefundNotify(request: NotifyRequest, now: Date): Promise<RefundNotice> {
    const { envelope, plaintext } = await openNotify(request, notifyKeys, now);
    if (!envelope.event_type.startsWith('REFUND.')) {
      throw new ChannelError('bad_response', `Not a refund notify: ${envelope.event_type}`);
    }
    const resource = parseJsonAs(refundResourceSchema, plaintext, 'WeChat Pay refund');
    if (resource.mchid !== config.mchId) {
      throw new ChannelError('merchant_mismatch', 'Refund for another merchant', { mchid: resource.mchid });
    }
    return { ...toRefundSnapshot(resource), notifyId: envelope.id };
  }

  // WeChat Pay wants an empty 2xx for success; anything else makes it retry.
  function notifyReply(accepted: boolean): NotifyReply {
    if (accepted) return { status: 204, headers: {}, body: '' };
    return {
      status: 500,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: 'FAIL', message: '失败' }),
    };
  }

  return { id: 'wechatpay', createPayment, parseNotify, queryPayment, refund, queryRefund, parseRefundNotify, notifyReply };
}
