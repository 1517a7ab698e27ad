import { createPrivateKey, createPublicKey } from 'node:crypto';
import {
  rsa2Sign,
  signNotifyParams,
  verifyRequestParams,
} from '@/lib/payments/channels/alipay/signature';
import { deliver, startServer, type Delivery, type DeliveryResult, type IncomingRequest, type OutgoingReply } from './http-server';
import { generateRsaPair, randomAlnum } from './keys';

// A local Alipay openapi gateway: the browser lands on it with the signed wap.pay
// parameters, the server calls it for query and refunds, and it posts signed notifies.
// Replies are signed over the exact text of "xxx_response", which it writes indented so a
// client that re-serialises instead of cutting the raw text fails.

export interface AlipayGatewayOptions {
  appId: string;
  appPublicKeyPem: string;
  alipayPrivateKeyPem: string;
  sellerId: string;
  clock: () => Date;
}

export interface StandInTrade {
  outTradeNo: string;
  tradeNo: string;
  totalAmount: string;
  subject: string;
  notifyUrl: string;
  status: 'WAIT_BUYER_PAY' | 'TRADE_SUCCESS' | 'TRADE_CLOSED';
  paidAt: string | null;
  refunds: Map<string, string>;
}

export type AlipayNotifyForgery = 'bad-signature' | 'tampered-body' | 'wrong-amount' | 'wrong-app' | 'rsa1';
export type AlipayMisbehaviour = 'none' | 'unsigned' | 'bad-signature';

export interface AlipayGateway {
  url: string;
  gatewayUrl: string;
  trades: Map<string, StandInTrade>;
  rejectedRequests: string[];
  misbehave: AlipayMisbehaviour;
  pay(outTradeNo: string): StandInTrade;
  buildNotify(outTradeNo: string, forgery?: AlipayNotifyForgery): Delivery;
  // Posts to the notify_url carried by the wap.pay request.
  notify(outTradeNo: string, forgery?: AlipayNotifyForgery): Promise<DeliveryResult>;
  send(url: string, delivery: Delivery): Promise<DeliveryResult>;
  close(): Promise<void>;
}

// Integer arithmetic on purpose, and separate from the code under test.
function toFen(yuan: string): number {
  const [whole = '0', fraction = ''] = yuan.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}
const toYuan = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

export async function startAlipayGateway(options: AlipayGatewayOptions): Promise<AlipayGateway> {
  const appKey = createPublicKey(options.appPublicKeyPem);
  const alipayKey = createPrivateKey(options.alipayPrivateKeyPem);
  const strangerKey = createPrivateKey(generateRsaPair().privateKeyPem);
  const trades = new Map<string, StandInTrade>();
  const rejectedRequests: string[] = [];
  const state = { misbehave: 'none' as AlipayMisbehaviour };
  const beijing = (): string => new Date(options.clock().getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

  function apiReply(method: string, payload: Record<string, unknown>): OutgoingReply {
    const raw = JSON.stringify(payload, null, 2);
    const key = `${method.replaceAll('.', '_')}_response`;
    const signer = state.misbehave === 'bad-signature' ? strangerKey : alipayKey;
    const sign = state.misbehave === 'unsigned' ? '' : `,"sign":${JSON.stringify(rsa2Sign(raw, signer))}`;
    return { status: 200, headers: { 'Content-Type': 'text/html;charset=utf-8' }, body: `{"${key}":${raw}${sign}}` };
  }

  const failure = (subCode: string, subMsg: string) => ({ code: '40004', msg: 'Business Failed', sub_code: subCode, sub_msg: subMsg });

  function checkRequest(params: Record<string, string>): string | null {
    if (params.app_id !== options.appId) return 'unknown app_id';
    if (params.sign_type !== 'RSA2') return 'sign_type must be RSA2';
    if (!verifyRequestParams(params, appKey)) return 'invalid signature';
    return null;
  }

  function wapPay(params: Record<string, string>): OutgoingReply {
    const biz = JSON.parse(params.biz_content ?? '{}') as Record<string, string>;
    if (biz.product_code !== 'QUICK_WAP_WAY' || !biz.out_trade_no || !/^\d+\.\d{2}$/.test(biz.total_amount ?? '')) {
      return { status: 400, body: 'bad biz_content' };
    }
    if (!trades.has(biz.out_trade_no)) {
      trades.set(biz.out_trade_no, {
        outTradeNo: biz.out_trade_no,
        tradeNo: `2024${randomAlnum(24)}`,
        totalAmount: biz.total_amount ?? '0.00',
        subject: biz.subject ?? '',
        notifyUrl: params.notify_url ?? '',
        status: 'WAIT_BUYER_PAY',
        paidAt: null,
        refunds: new Map(),
      });
    }
    return { status: 200, headers: { 'Content-Type': 'text/html;charset=utf-8' }, body: `<html><body>收银台 ${biz.total_amount}</body></html>` };
  }

  function query(biz: Record<string, unknown>): Record<string, unknown> {
    const trade = trades.get(String(biz.out_trade_no));
    if (trade === undefined) return failure('ACQ.TRADE_NOT_EXIST', '交易不存在');
    return {
      code: '10000',
      msg: 'Success',
      trade_no: trade.tradeNo,
      out_trade_no: trade.outTradeNo,
      trade_status: trade.status,
      total_amount: trade.totalAmount,
      ...(trade.paidAt ? { send_pay_date: trade.paidAt, buyer_pay_amount: trade.totalAmount } : {}),
    };
  }

  function refund(biz: Record<string, unknown>): Record<string, unknown> {
    const trade = trades.get(String(biz.out_trade_no));
    if (trade === undefined) return failure('ACQ.TRADE_NOT_EXIST', '交易不存在');
    const outRequestNo = String(biz.out_request_no);
    const amount = String(biz.refund_amount);
    const repeat = trade.refunds.has(outRequestNo);
    if (!repeat) {
      if (trade.status !== 'TRADE_SUCCESS') return failure('ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
      const refunded = [...trade.refunds.values()].reduce((sum, yuan) => sum + toFen(yuan), 0);
      if (refunded + toFen(amount) > toFen(trade.totalAmount)) return failure('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '退款金额超限');
      trade.refunds.set(outRequestNo, amount);
      if (refunded + toFen(amount) === toFen(trade.totalAmount)) trade.status = 'TRADE_CLOSED';
    }
    const total = [...trade.refunds.values()].reduce((sum, yuan) => sum + toFen(yuan), 0);
    return {
      code: '10000',
      msg: 'Success',
      trade_no: trade.tradeNo,
      out_trade_no: trade.outTradeNo,
      fund_change: repeat ? 'N' : 'Y',
      refund_fee: toYuan(total),
      gmt_refund_pay: beijing(),
    };
  }

  function refundQuery(biz: Record<string, unknown>): Record<string, unknown> {
    const trade = trades.get(String(biz.out_trade_no));
    const amount = trade?.refunds.get(String(biz.out_request_no));
    if (trade === undefined || amount === undefined) return { code: '10000', msg: 'Success' };
    return {
      code: '10000',
      msg: 'Success',
      trade_no: trade.tradeNo,
      out_trade_no: trade.outTradeNo,
      out_request_no: String(biz.out_request_no),
      total_amount: trade.totalAmount,
      refund_amount: amount,
      refund_status: 'REFUND_SUCCESS',
      gmt_refund_pay: beijing(),
    };
  }

  function handle(request: IncomingRequest): OutgoingReply {
    const url = new URL(request.target, 'http://stand-in');
    const params: Record<string, string> = Object.fromEntries(url.searchParams);
    if (request.method === 'POST') Object.assign(params, Object.fromEntries(new URLSearchParams(request.body)));
    const problem = checkRequest(params);
    const method = params.method ?? '';
    if (problem !== null) {
      rejectedRequests.push(problem);
      if (method === 'alipay.trade.wap.pay') return { status: 400, body: problem };
      return apiReply(method || 'error', { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature', sub_msg: problem });
    }
    if (method === 'alipay.trade.wap.pay') return wapPay(params);
    const biz = JSON.parse(params.biz_content ?? '{}') as Record<string, unknown>;
    if (method === 'alipay.trade.query') return apiReply(method, query(biz));
    if (method === 'alipay.trade.refund') return apiReply(method, refund(biz));
    if (method === 'alipay.trade.fastpay.refund.query') return apiReply(method, refundQuery(biz));
    return apiReply(method, { code: '40004', msg: 'Business Failed', sub_code: 'isv.invalid-method' });
  }

  function buildNotify(outTradeNo: string, forgery?: AlipayNotifyForgery): Delivery {
    const trade = trades.get(outTradeNo);
    if (trade === undefined) throw new Error(`No stand-in trade ${outTradeNo}`);
    const fields: Record<string, string> = {
      notify_time: beijing(),
      notify_type: 'trade_status_sync',
      notify_id: randomAlnum(32),
      charset: 'utf-8',
      version: '1.0',
      sign_type: 'RSA2',
      app_id: forgery === 'wrong-app' ? '2021000000000000' : options.appId,
      trade_no: trade.tradeNo,
      out_trade_no: trade.outTradeNo,
      buyer_id: '2088102177846880',
      seller_id: options.sellerId,
      trade_status: trade.status,
      total_amount: forgery === 'wrong-amount' ? toYuan(toFen(trade.totalAmount) - 1) : trade.totalAmount,
      receipt_amount: trade.totalAmount,
      subject: trade.subject,
      gmt_create: beijing(),
      ...(trade.paidAt ? { gmt_payment: trade.paidAt } : {}),
    };
    if (forgery === 'rsa1') fields.sign_type = 'RSA';
    const signed = signNotifyParams(fields, forgery === 'bad-signature' ? strangerKey : alipayKey);
    if (forgery === 'tampered-body') signed.total_amount = toYuan(toFen(trade.totalAmount) * 10);
    return {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams(signed).toString(),
    };
  }

  const server = await startServer(handle);
  return {
    url: server.url,
    gatewayUrl: `${server.url}/gateway.do`,
    trades,
    rejectedRequests,
    get misbehave() {
      return state.misbehave;
    },
    set misbehave(value: AlipayMisbehaviour) {
      state.misbehave = value;
    },
    pay(outTradeNo) {
      const trade = trades.get(outTradeNo);
      if (trade === undefined) throw new Error(`No stand-in trade ${outTradeNo}`);
      trade.status = 'TRADE_SUCCESS';
      trade.paidAt = beijing();
      return trade;
    },
    buildNotify,
    notify: (outTradeNo, forgery) => deliver(trades.get(outTradeNo)?.notifyUrl ?? '', buildNotify(outTradeNo, forgery)),
    send: deliver,
    close: () => server.close(),
  };
}
