import { createPrivateKey, createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { encryptResource } from '@/lib/payments/channels/wechatpay/aead';
import {
  parseAuthorization,
  signatureMessage,
  signSha256Rsa,
  verifySha256Rsa,
} from '@/lib/payments/channels/wechatpay/signature';
import { deliver, startServer, type Delivery, type DeliveryResult, type IncomingRequest, type OutgoingReply } from './http-server';
import { generateRsaPair, randomAlnum } from './keys';

// A local WeChat Pay API v3 gateway: it checks the merchant's Authorization header, keeps
// orders and refunds in memory, signs every reply with its platform key, and sends signed,
// encrypted notifies — or deliberately broken ones for negative tests.

export interface WeChatPayGatewayOptions {
  mchId: string;
  appId: string;
  merchantSerialNo: string;
  merchantPublicKeyPem: string;
  platformSerialNo: string;
  platformPrivateKeyPem: string;
  apiV3Key: string;
  clock: () => Date;
}

export interface StandInOrder {
  appid: string;
  mchid: string;
  outTradeNo: string;
  description: string;
  notifyUrl: string;
  total: number;
  openid: string;
  prepayId: string;
  tradeState: 'NOTPAY' | 'SUCCESS' | 'REFUND' | 'CLOSED';
  transactionId: string | null;
  successTime: string | null;
}

export interface StandInRefund {
  outRefundNo: string;
  outTradeNo: string;
  refundId: string;
  refund: number;
  total: number;
  notifyUrl: string;
  status: 'PROCESSING' | 'SUCCESS';
  successTime: string | null;
}

export type NotifyForgery =
  | 'bad-signature'
  | 'tampered-body'
  | 'unknown-serial'
  | 'stale-timestamp'
  | 'wrong-amount'
  | 'wrong-app'
  | 'bad-ciphertext';

export type ReplyMisbehaviour = 'none' | 'unsigned' | 'bad-signature';

export interface WeChatPayGateway {
  url: string;
  orders: Map<string, StandInOrder>;
  refunds: Map<string, StandInRefund>;
  rejectedRequests: string[];
  misbehave: ReplyMisbehaviour;
  pay(outTradeNo: string): StandInOrder;
  settleRefund(outRefundNo: string): StandInRefund;
  buildPaymentNotify(outTradeNo: string, forgery?: NotifyForgery): Delivery;
  buildRefundNotify(outRefundNo: string, forgery?: NotifyForgery): Delivery;
  // Posts to the notify_url the merchant gave when creating the order or refund.
  notifyPayment(outTradeNo: string, forgery?: NotifyForgery): Promise<DeliveryResult>;
  notifyRefund(outRefundNo: string, forgery?: NotifyForgery): Promise<DeliveryResult>;
  send(url: string, delivery: Delivery): Promise<DeliveryResult>;
  close(): Promise<void>;
}

export async function startWeChatPayGateway(options: WeChatPayGatewayOptions): Promise<WeChatPayGateway> {
  const merchantKey = createPublicKey(options.merchantPublicKeyPem);
  const platformKey = createPrivateKey(options.platformPrivateKeyPem);
  const strangerKey = createPrivateKey(generateRsaPair().privateKeyPem);
  const orders = new Map<string, StandInOrder>();
  const refunds = new Map<string, StandInRefund>();
  const rejectedRequests: string[] = [];
  const state = { misbehave: 'none' as ReplyMisbehaviour };

  const seconds = (): string => String(Math.floor(options.clock().getTime() / 1000));
  const shanghaiTime = (): string =>
    new Date(options.clock().getTime() + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00';

  function signedHeaders(body: string, key: KeyObject, serial: string, timestamp = seconds()): Record<string, string> {
    const nonce = randomAlnum(32);
    return {
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Serial': serial,
      'Wechatpay-Signature': signSha256Rsa(signatureMessage([timestamp, nonce, body]), key),
    };
  }

  function reply(status: number, payload?: unknown): OutgoingReply {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Request-ID': randomAlnum(16) };
    if (state.misbehave === 'unsigned') return { status, headers, body };
    const key = state.misbehave === 'bad-signature' ? strangerKey : platformKey;
    return { status, headers: { ...headers, ...signedHeaders(body, key, options.platformSerialNo) }, body };
  }

  function authenticate(request: IncomingRequest): string | null {
    const auth = parseAuthorization(request.headers.get('authorization') ?? '');
    if (auth === null) return 'Authorization header missing or malformed';
    if (auth.mchid !== options.mchId) return 'mchid mismatch';
    if (auth.serial_no !== options.merchantSerialNo) return 'unknown merchant serial';
    if (Math.abs(Number(seconds()) - Number(auth.timestamp)) > 300) return 'stale timestamp';
    const message = signatureMessage([request.method, request.target, auth.timestamp, auth.nonce_str, request.body]);
    return verifySha256Rsa(message, auth.signature, merchantKey) ? null : 'signature does not verify';
  }

  function transactionJson(order: StandInOrder): Record<string, unknown> {
    return {
      appid: order.appid,
      mchid: order.mchid,
      out_trade_no: order.outTradeNo,
      ...(order.transactionId ? { transaction_id: order.transactionId } : {}),
      trade_type: 'JSAPI',
      trade_state: order.tradeState,
      trade_state_desc: order.tradeState,
      ...(order.successTime ? { success_time: order.successTime, bank_type: 'OTHERS' } : {}),
      payer: { openid: order.openid },
      amount: { total: order.total, payer_total: order.total, currency: 'CNY', payer_currency: 'CNY' },
    };
  }

  function refundJson(refund: StandInRefund): Record<string, unknown> {
    return {
      refund_id: refund.refundId,
      out_refund_no: refund.outRefundNo,
      out_trade_no: refund.outTradeNo,
      channel: 'ORIGINAL',
      status: refund.status,
      ...(refund.successTime ? { success_time: refund.successTime } : {}),
      create_time: shanghaiTime(),
      amount: { total: refund.total, refund: refund.refund, payer_total: refund.total, payer_refund: refund.refund, currency: 'CNY' },
    };
  }

  function createJsapi(body: Record<string, unknown>): OutgoingReply {
    const amount = body.amount as { total?: unknown } | undefined;
    const payer = body.payer as { openid?: unknown } | undefined;
    const outTradeNo = body.out_trade_no;
    if (typeof outTradeNo !== 'string' || typeof amount?.total !== 'number' || typeof payer?.openid !== 'string') {
      return reply(400, { code: 'PARAM_ERROR', message: 'missing out_trade_no, amount.total or payer.openid' });
    }
    if (body.appid !== options.appId || body.mchid !== options.mchId) {
      return reply(400, { code: 'APPID_MCHID_NOT_MATCH', message: 'appid and mchid do not match' });
    }
    const existing = orders.get(outTradeNo);
    if (existing !== undefined) {
      if (existing.total !== amount.total) return reply(400, { code: 'INVALID_REQUEST', message: '订单号重复' });
      return reply(200, { prepay_id: existing.prepayId });
    }
    const order: StandInOrder = {
      appid: options.appId,
      mchid: options.mchId,
      outTradeNo,
      description: String(body.description ?? ''),
      notifyUrl: String(body.notify_url ?? ''),
      total: amount.total,
      openid: payer.openid,
      prepayId: `wx${randomAlnum(30)}`,
      tradeState: 'NOTPAY',
      transactionId: null,
      successTime: null,
    };
    orders.set(outTradeNo, order);
    return reply(200, { prepay_id: order.prepayId });
  }

  function createRefund(body: Record<string, unknown>): OutgoingReply {
    const amount = body.amount as { refund?: unknown; total?: unknown } | undefined;
    const order = typeof body.out_trade_no === 'string' ? orders.get(body.out_trade_no) : undefined;
    const outRefundNo = body.out_refund_no;
    if (order === undefined) return reply(404, { code: 'RESOURCE_NOT_EXISTS', message: '订单不存在' });
    if (typeof outRefundNo !== 'string' || typeof amount?.refund !== 'number' || amount.total !== order.total) {
      return reply(400, { code: 'PARAM_ERROR', message: 'bad refund amount' });
    }
    const existing = refunds.get(outRefundNo);
    if (existing !== undefined) return reply(200, refundJson(existing));
    if (order.tradeState !== 'SUCCESS' && order.tradeState !== 'REFUND') {
      return reply(403, { code: 'TRADE_ERROR', message: '订单未支付' });
    }
    const already = [...refunds.values()].filter((r) => r.outTradeNo === order.outTradeNo).reduce((sum, r) => sum + r.refund, 0);
    if (already + amount.refund > order.total) return reply(403, { code: 'NOT_ENOUGH', message: '退款金额超过订单金额' });
    const refund: StandInRefund = {
      outRefundNo,
      outTradeNo: order.outTradeNo,
      refundId: `50${randomAlnum(28)}`,
      refund: amount.refund,
      total: order.total,
      notifyUrl: String(body.notify_url ?? ''),
      status: 'PROCESSING',
      successTime: null,
    };
    refunds.set(outRefundNo, refund);
    return reply(200, refundJson(refund));
  }

  async function handle(request: IncomingRequest): Promise<OutgoingReply> {
    const problem = authenticate(request);
    if (problem !== null) {
      rejectedRequests.push(problem);
      return reply(401, { code: 'SIGN_ERROR', message: problem });
    }
    const url = new URL(request.target, 'http://stand-in');
    const body = request.body === '' ? {} : (JSON.parse(request.body) as Record<string, unknown>);
    if (request.method === 'POST' && url.pathname === '/v3/pay/transactions/jsapi') return createJsapi(body);
    if (request.method === 'POST' && url.pathname === '/v3/refund/domestic/refunds') return createRefund(body);
    const tradeMatch = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(url.pathname);
    if (request.method === 'GET' && tradeMatch?.[1] !== undefined) {
      if (url.searchParams.get('mchid') !== options.mchId) return reply(400, { code: 'PARAM_ERROR', message: 'mchid' });
      const order = orders.get(decodeURIComponent(tradeMatch[1]));
      return order === undefined ? reply(404, { code: 'ORDER_NOT_EXIST', message: '订单不存在' }) : reply(200, transactionJson(order));
    }
    const refundMatch = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(url.pathname);
    if (request.method === 'GET' && refundMatch?.[1] !== undefined) {
      const refund = refunds.get(decodeURIComponent(refundMatch[1]));
      return refund === undefined ? reply(404, { code: 'RESOURCE_NOT_EXISTS', message: '退款单不存在' }) : reply(200, refundJson(refund));
    }
    return reply(404, { code: 'NOT_FOUND', message: `no route ${request.method} ${url.pathname}` });
  }

  function envelope(eventType: string, originalType: string, resource: Record<string, unknown>, forgery?: NotifyForgery): string {
    const key = forgery === 'bad-ciphertext' ? randomAlnum(32) : options.apiV3Key;
    const associatedData = originalType;
    const encrypted = encryptResource(JSON.stringify(resource), key, randomAlnum(12), associatedData);
    return JSON.stringify({
      id: randomBytes(16).toString('hex'),
      create_time: shanghaiTime(),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary: eventType,
      resource: { original_type: originalType, ...encrypted },
    });
  }

  function sign(body: string, forgery?: NotifyForgery): Delivery {
    const key = forgery === 'bad-signature' ? strangerKey : platformKey;
    const serial = forgery === 'unknown-serial' ? 'FFFF0000FFFF0000' : options.platformSerialNo;
    const timestamp = forgery === 'stale-timestamp' ? String(Number(seconds()) - 301) : seconds();
    const headers = signedHeaders(body, key, serial, timestamp);
    const sent = forgery === 'tampered-body' ? body.replace('"summary":"', '"summary":"x') : body;
    return { headers: { ...headers, 'Content-Type': 'application/json' }, body: sent };
  }

  function buildPaymentNotify(outTradeNo: string, forgery?: NotifyForgery): Delivery {
    const order = orders.get(outTradeNo);
    if (order === undefined) throw new Error(`No stand-in order ${outTradeNo}`);
    const tx = transactionJson(order);
    if (forgery === 'wrong-amount') tx.amount = { total: order.total + 1, payer_total: order.total + 1, currency: 'CNY' };
    if (forgery === 'wrong-app') tx.appid = 'wx0000000000000000';
    return sign(envelope('TRANSACTION.SUCCESS', 'transaction', tx, forgery), forgery);
  }

  function buildRefundNotify(outRefundNo: string, forgery?: NotifyForgery): Delivery {
    const refund = refunds.get(outRefundNo);
    if (refund === undefined) throw new Error(`No stand-in refund ${outRefundNo}`);
    const resource = {
      mchid: options.mchId,
      out_trade_no: refund.outTradeNo,
      transaction_id: orders.get(refund.outTradeNo)?.transactionId ?? '',
      out_refund_no: refund.outRefundNo,
      refund_id: refund.refundId,
      refund_status: refund.status,
      ...(refund.successTime ? { success_time: refund.successTime } : {}),
      user_received_account: '支付用户零钱',
      amount: { total: refund.total, refund: refund.refund, payer_total: refund.total, payer_refund: refund.refund },
    };
    return sign(envelope(`REFUND.${refund.status}`, 'refund', resource, forgery), forgery);
  }

  const server = await startServer(handle);
  return {
    url: server.url,
    orders,
    refunds,
    rejectedRequests,
    get misbehave() {
      return state.misbehave;
    },
    set misbehave(value: ReplyMisbehaviour) {
      state.misbehave = value;
    },
    pay(outTradeNo) {
      const order = orders.get(outTradeNo);
      if (order === undefined) throw new Error(`No stand-in order ${outTradeNo}`);
      order.tradeState = 'SUCCESS';
      order.transactionId = `42${randomAlnum(26)}`;
      order.successTime = shanghaiTime();
      return order;
    },
    settleRefund(outRefundNo) {
      const refund = refunds.get(outRefundNo);
      if (refund === undefined) throw new Error(`No stand-in refund ${outRefundNo}`);
      refund.status = 'SUCCESS';
      refund.successTime = shanghaiTime();
      const order = orders.get(refund.outTradeNo);
      if (order !== undefined) order.tradeState = 'REFUND';
      return refund;
    },
    buildPaymentNotify,
    buildRefundNotify,
    notifyPayment: (outTradeNo, forgery) =>
      deliver(orders.get(outTradeNo)?.notifyUrl ?? '', buildPaymentNotify(outTradeNo, forgery)),
    notifyRefund: (outRefundNo, forgery) =>
      deliver(refunds.get(outRefundNo)?.notifyUrl ?? '', buildRefundNotify(outRefundNo, forgery)),
    send: deliver,
    close: () => server.close(),
  };
}
