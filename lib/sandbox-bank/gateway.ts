import { randomBytes } from 'node:crypto';
import { pool } from '@/lib/db/client';
import { isChannelError } from '@/lib/payments/channel';
import type { SandboxErrorCode } from '@/lib/payments/channels/sandbox-bank/messages';
import { sandboxRequestSchema, type SandboxRequest } from '@/lib/payments/channels/sandbox-bank/messages';
import { signSandboxMessage, verifySandboxMessage } from '@/lib/payments/channels/sandbox-bank/protocol';
import type { SandboxBankSide } from './config';
import { claimBankNonce, effectiveStatus, findTrade, openTrade, type BankNonce, type BankTrade } from './trades';
import { createRefund, findRefund, type BankRefund } from './refunds';

export interface GatewayReply {
  status: number;
  body: string;
}

/**
 * The sandbox bank's API (POST {bank}/gateway), speaking lib/payments/channels/sandbox-bank/
 * protocol.ts: verify the merchant's signature, freshness and nonce, act, answer signed.
 */
export async function handleGatewayRequest(side: SandboxBankSide, body: string, now: Date): Promise<GatewayReply> {
  let fields: Record<string, string>;
  let nonce: BankNonce;
  try {
    const verified = verifySandboxMessage(parseJson(body), side.secret, now);
    fields = verified.fields;
    nonce = verified.replay;
    if (fields.merchant_id !== side.merchantId) return { status: 401, body: 'unknown merchant' };
  } catch (error) {
    // Unsigned or stale: the bank cannot know whose key to sign a refusal with.
    if (isChannelError(error)) return { status: 401, body: error.message };
    throw error;
  }
  const parsed = sandboxRequestSchema.safeParse(fields);
  let reply: Fields;
  if (!parsed.success) reply = (await claimBankNonce(nonce)) ? refusal('INVALID_REQUEST', 'malformed request') : REPLAYED;
  // Opening a trade claims the nonce in the same statement; every other request claims it first.
  else if (parsed.data.type === 'payment.create' || (await claimBankNonce(nonce))) reply = await dispatch(side, parsed.data, nonce, now);
  else reply = REPLAYED;
  return answer(side, fields.nonce ?? '', reply, now);
}

type Fields = Record<string, string>;

async function dispatch(side: SandboxBankSide, request: SandboxRequest, nonce: BankNonce, now: Date): Promise<Fields> {
  switch (request.type) {
    case 'payment.create': {
      const trade = await openTrade(
        {
          merchantId: side.merchantId,
          outTradeNo: request.out_trade_no,
          amountFen: BigInt(request.amount_fen),
          subject: request.subject,
          notifyUrl: request.notify_url,
          returnUrl: request.return_url,
          expiresAt: new Date(request.expires_at),
        },
        nonce,
      );
      if (trade === 'replayed') return REPLAYED;
      if (trade === 'conflict') return refusal('CONFLICT', 'out_trade_no used with another amount');
      return {
        type: 'payment.created',
        out_trade_no: trade.outTradeNo,
        bank_trade_no: trade.bankTradeNo,
        pay_url: `${side.publicUrl}/pay/${trade.bankTradeNo}`,
      };
    }
    case 'payment.query': {
      const trade = await findTrade(pool(), { merchantId: side.merchantId, outTradeNo: request.out_trade_no });
      if (!trade) return refusal('NOT_FOUND', 'no such trade');
      return { type: 'payment.status', ...paymentFields(trade, now) };
    }
    case 'refund.create': {
      const refund = await createRefund(side.merchantId, request, now);
      if (typeof refund === 'string') return refusal(refund, refund === 'NOT_FOUND' ? 'no such trade' : 'refund exceeds what was paid');
      return { type: 'refund.status', ...refundFields(refund) };
    }
    case 'refund.query': {
      const refund = await findRefund(side.merchantId, request.out_refund_no);
      if (!refund || refund.outTradeNo !== request.out_trade_no) return refusal('NOT_FOUND', 'no such refund');
      return { type: 'refund.status', ...refundFields(refund) };
    }
  }
}

export function paymentFields(trade: BankTrade, now: Date): Fields {
  return {
    out_trade_no: trade.outTradeNo,
    bank_trade_no: trade.bankTradeNo,
    amount_fen: trade.amountFen.toString(),
    status: effectiveStatus(trade, now),
    paid_at: trade.paidAt?.toISOString() ?? '',
  };
}

export function refundFields(refund: BankRefund): Fields {
  return {
    out_trade_no: refund.outTradeNo,
    out_refund_no: refund.outRefundNo,
    bank_refund_no: refund.bankRefundNo,
    refund_fen: refund.refundFen.toString(),
    status: refund.status,
    succeeded_at: refund.succeededAt?.toISOString() ?? '',
  };
}

const refusal = (code: SandboxErrorCode, message: string): Fields => ({ type: 'error', code, message });
const REPLAYED = refusal('REPLAYED', 'nonce already used');

function answer(side: SandboxBankSide, inReplyTo: string, fields: Fields, now: Date): GatewayReply {
  const signed = signSandboxMessage({ ...fields, merchant_id: side.merchantId, in_reply_to: inReplyTo }, side.secret, {
    now,
    nonce: randomBytes(16).toString('hex'),
  });
  return { status: 200, body: JSON.stringify(signed) };
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}
