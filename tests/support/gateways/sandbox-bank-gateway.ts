import { randomBytes } from 'node:crypto';
import { isChannelError } from '@/lib/payments/channel';
import type { SandboxErrorCode } from '@/lib/payments/channels/sandbox-bank/messages';
import {
  SANDBOX_BANK_GATEWAY_PATH,
  signSandboxMessage,
  verifySandboxMessage,
} from '@/lib/payments/channels/sandbox-bank/protocol';
import { deliver, startServer, type Delivery, type DeliveryResult, type IncomingRequest, type OutgoingReply } from './http-server';

// A minimal bank speaking the sandbox protocol, enough to drive the merchant client end to
// end in tests. Nuanxin's real sandbox bank (hosted page, notify retries) is built on the
// same protocol module.

export interface SandboxBankGatewayOptions {
  merchantId: string;
  secret: string;
  clock: () => Date;
}

export interface BankTrade {
  outTradeNo: string;
  bankTradeNo: string;
  amountFen: string;
  notifyUrl: string;
  status: 'PENDING' | 'SUCCESS' | 'FAILED' | 'CLOSED';
  paidAt: string;
}

export interface BankRefund {
  outTradeNo: string;
  outRefundNo: string;
  bankRefundNo: string;
  refundFen: string;
  notifyUrl: string;
  status: 'PROCESSING' | 'SUCCESS' | 'FAILED';
  succeededAt: string;
}

export type BankNotifyForgery = 'bad-signature' | 'tampered-body' | 'stale-timestamp' | 'wrong-amount' | 'wrong-merchant';

export interface SandboxBankGateway {
  url: string;
  trades: Map<string, BankTrade>;
  refunds: Map<string, BankRefund>;
  rejectedRequests: string[];
  // Answers the next request with the previous reply, as an attacker replaying it would.
  replayPreviousReply: boolean;
  pay(outTradeNo: string): BankTrade;
  settleRefund(outRefundNo: string): BankRefund;
  buildPaymentNotify(outTradeNo: string, forgery?: BankNotifyForgery): Delivery;
  buildRefundNotify(outRefundNo: string, forgery?: BankNotifyForgery): Delivery;
  notifyPayment(outTradeNo: string, forgery?: BankNotifyForgery): Promise<DeliveryResult>;
  notifyRefund(outRefundNo: string, forgery?: BankNotifyForgery): Promise<DeliveryResult>;
  send(url: string, delivery: Delivery): Promise<DeliveryResult>;
  close(): Promise<void>;
}

const nonce = (): string => randomBytes(16).toString('hex');

export async function startSandboxBankGateway(options: SandboxBankGatewayOptions): Promise<SandboxBankGateway> {
  const trades = new Map<string, BankTrade>();
  const refunds = new Map<string, BankRefund>();
  const seenNonces = new Set<string>();
  const rejectedRequests: string[] = [];
  const replies = { previous: null as OutgoingReply | null, replayNext: false };
  let baseUrl = '';

  const signed = (fields: Record<string, string>) =>
    signSandboxMessage({ ...fields, merchant_id: options.merchantId }, options.secret, {
      now: options.clock(),
      nonce: nonce(),
    });

  const paymentFields = (trade: BankTrade) => ({
    out_trade_no: trade.outTradeNo,
    bank_trade_no: trade.bankTradeNo,
    amount_fen: trade.amountFen,
    status: trade.status,
    paid_at: trade.paidAt,
  });
  const refundFields = (refund: BankRefund) => ({
    out_trade_no: refund.outTradeNo,
    out_refund_no: refund.outRefundNo,
    bank_refund_no: refund.bankRefundNo,
    refund_fen: refund.refundFen,
    status: refund.status,
    succeeded_at: refund.succeededAt,
  });

  function answer(inReplyTo: string, fields: Record<string, string>): OutgoingReply {
    return {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(signed({ ...fields, in_reply_to: inReplyTo })),
    };
  }
  const refuse = (inReplyTo: string, code: SandboxErrorCode, message: string) =>
    answer(inReplyTo, { type: 'error', code, message });

  function dispatch(request: Record<string, string>): OutgoingReply {
    const inReplyTo = request.nonce ?? '';
    switch (request.type) {
      case 'payment.create': {
        const outTradeNo = request.out_trade_no ?? '';
        const existing = trades.get(outTradeNo);
        if (existing !== undefined && existing.amountFen !== request.amount_fen) {
          return refuse(inReplyTo, 'CONFLICT', 'out_trade_no used with another amount');
        }
        const trade = existing ?? {
          outTradeNo,
          bankTradeNo: `B${nonce()}`,
          amountFen: request.amount_fen ?? '0',
          notifyUrl: request.notify_url ?? '',
          status: 'PENDING' as const,
          paidAt: '',
        };
        trades.set(outTradeNo, trade);
        return answer(inReplyTo, {
          type: 'payment.created',
          out_trade_no: outTradeNo,
          bank_trade_no: trade.bankTradeNo,
          pay_url: `${baseUrl}/pay/${trade.bankTradeNo}`,
        });
      }
      case 'payment.query': {
        const trade = trades.get(request.out_trade_no ?? '');
        if (trade === undefined) return refuse(inReplyTo, 'NOT_FOUND', 'no such trade');
        return answer(inReplyTo, { type: 'payment.status', ...paymentFields(trade) });
      }
      case 'refund.create': {
        const trade = trades.get(request.out_trade_no ?? '');
        if (trade === undefined) return refuse(inReplyTo, 'NOT_FOUND', 'no such trade');
        const outRefundNo = request.out_refund_no ?? '';
        const existing = refunds.get(outRefundNo);
        if (existing !== undefined) return answer(inReplyTo, { type: 'refund.status', ...refundFields(existing) });
        const already = [...refunds.values()]
          .filter((r) => r.outTradeNo === trade.outTradeNo)
          .reduce((sum, r) => sum + BigInt(r.refundFen), 0n);
        if (trade.status !== 'SUCCESS' || already + BigInt(request.refund_fen ?? '0') > BigInt(trade.amountFen)) {
          return refuse(inReplyTo, 'REFUND_EXCEEDS', 'refund exceeds what was paid');
        }
        const refund: BankRefund = {
          outTradeNo: trade.outTradeNo,
          outRefundNo,
          bankRefundNo: `R${nonce()}`,
          refundFen: request.refund_fen ?? '0',
          notifyUrl: request.notify_url ?? '',
          status: 'PROCESSING',
          succeededAt: '',
        };
        refunds.set(outRefundNo, refund);
        return answer(inReplyTo, { type: 'refund.status', ...refundFields(refund) });
      }
      case 'refund.query': {
        const refund = refunds.get(request.out_refund_no ?? '');
        if (refund === undefined) return refuse(inReplyTo, 'NOT_FOUND', 'no such refund');
        return answer(inReplyTo, { type: 'refund.status', ...refundFields(refund) });
      }
      default:
        return refuse(inReplyTo, 'INVALID_REQUEST', `unknown type ${request.type ?? ''}`);
    }
  }

  function handle(request: IncomingRequest): OutgoingReply {
    if (request.method === 'GET' && request.target.startsWith('/pay/')) {
      return { status: 200, headers: { 'Content-Type': 'text/html;charset=utf-8' }, body: '<html><body>模拟银行</body></html>' };
    }
    if (request.method !== 'POST' || request.target !== SANDBOX_BANK_GATEWAY_PATH) return { status: 404, body: '' };
    try {
      const { fields, replay } = verifySandboxMessage(JSON.parse(request.body) as unknown, options.secret, options.clock());
      if (seenNonces.has(replay.key)) return refuse(fields.nonce ?? '', 'REPLAYED', 'nonce already used');
      seenNonces.add(replay.key);
      if (replies.replayNext && replies.previous !== null) return replies.previous;
      replies.previous = dispatch(fields);
      return replies.previous;
    } catch (error) {
      if (!isChannelError(error)) throw error;
      rejectedRequests.push(error.code);
      return { status: 401, body: error.message };
    }
  }

  function forge(fields: Record<string, string>, forgery?: BankNotifyForgery): Delivery {
    const now = options.clock();
    const message = signSandboxMessage(
      { ...fields, merchant_id: forgery === 'wrong-merchant' ? 'OTHER-MERCHANT' : options.merchantId },
      forgery === 'bad-signature' ? `${options.secret}-not-the-secret` : options.secret,
      { now: forgery === 'stale-timestamp' ? new Date(now.getTime() - 301_000) : now, nonce: nonce() },
    );
    if (forgery === 'tampered-body' && 'amount_fen' in message) message.amount_fen = `${message.amount_fen}0`;
    if (forgery === 'tampered-body' && 'refund_fen' in message) message.refund_fen = `${message.refund_fen}0`;
    return { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(message) };
  }

  function buildPaymentNotify(outTradeNo: string, forgery?: BankNotifyForgery): Delivery {
    const trade = trades.get(outTradeNo);
    if (trade === undefined) throw new Error(`No bank trade ${outTradeNo}`);
    const fields = { type: 'payment.notify', ...paymentFields(trade) };
    if (forgery === 'wrong-amount') fields.amount_fen = String(BigInt(trade.amountFen) + 1n);
    return forge(fields, forgery);
  }

  function buildRefundNotify(outRefundNo: string, forgery?: BankNotifyForgery): Delivery {
    const refund = refunds.get(outRefundNo);
    if (refund === undefined) throw new Error(`No bank refund ${outRefundNo}`);
    return forge({ type: 'refund.notify', ...refundFields(refund) }, forgery);
  }

  const server = await startServer(handle);
  baseUrl = server.url;
  return {
    url: server.url,
    trades,
    refunds,
    rejectedRequests,
    get replayPreviousReply() {
      return replies.replayNext;
    },
    set replayPreviousReply(value: boolean) {
      replies.replayNext = value;
    },
    pay(outTradeNo) {
      const trade = trades.get(outTradeNo);
      if (trade === undefined) throw new Error(`No bank trade ${outTradeNo}`);
      trade.status = 'SUCCESS';
      trade.paidAt = options.clock().toISOString();
      return trade;
    },
    settleRefund(outRefundNo) {
      const refund = refunds.get(outRefundNo);
      if (refund === undefined) throw new Error(`No bank refund ${outRefundNo}`);
      refund.status = 'SUCCESS';
      refund.succeededAt = options.clock().toISOString();
      return refund;
    },
    buildPaymentNotify,
    buildRefundNotify,
    notifyPayment: (outTradeNo, forgery) =>
      deliver(trades.get(outTradeNo)?.notifyUrl ?? '', buildPaymentNotify(outTradeNo, forgery)),
    notifyRefund: (outRefundNo, forgery) =>
      deliver(refunds.get(outRefundNo)?.notifyUrl ?? '', buildRefundNotify(outRefundNo, forgery)),
    send: deliver,
    close: () => server.close(),
  };
}
