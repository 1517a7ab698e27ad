import { z } from 'zod';
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
import { assertPositiveFen } from '../shared/money';
import { randomNonce } from '../shared/nonce';
import { parseAs, parseJsonAs } from '../shared/parse';
import { callSandboxBank, type SandboxBankContext } from './client';
import type { SandboxBankConfig } from './config';
import {
  paymentCreatedReplySchema,
  paymentNotifySchema,
  paymentStatusReplySchema,
  refundNotifySchema,
  refundStatusReplySchema,
} from './messages';
import { SANDBOX_NOTIFY_ACK, verifySandboxMessage } from './protocol';
import { toPaymentSnapshot, toRefundSnapshot } from './mappers';

export interface SandboxBankDeps {
  // The protocol relies on nonces being single-use, so the store is not optional here.
  replayGuard: ReplayGuard;
  nonce?: () => string;
}

export function createSandboxBankChannel(config: SandboxBankConfig, deps: SandboxBankDeps): PaymentChannel {
  const ctx: SandboxBankContext = { config, nonce: deps.nonce ?? randomNonce };

  async function openNotify(request: NotifyRequest, now: Date): Promise<Record<string, string>> {
    const body = parseJsonAs(z.unknown(), request.body, 'Sandbox bank notify');
    const { fields, replay } = verifySandboxMessage(body, config.secret, now);
    if (fields.merchant_id !== config.merchantId) {
      throw new ChannelError('merchant_mismatch', 'Notify for another merchant');
    }
    if (!(await deps.replayGuard.claim(replay.key, replay.keepUntil))) {
      throw new ChannelError('replayed', 'This notify nonce was already used');
    }
    return fields;
  }

  async function createPayment(input: CreatePaymentInput): Promise<CreatedPayment> {
    assertPositiveFen(input.amountFen, 'A payment');
    const answer = await callSandboxBank(
      ctx,
      {
        type: 'payment.create',
        out_trade_no: input.outTradeNo,
        amount_fen: input.amountFen.toString(),
        subject: input.description,
        notify_url: config.notifyUrl,
        return_url: input.returnUrl ?? '',
        expires_at: input.expiresAt.toISOString(),
      },
      input.now,
    );
    const created = parseAs(paymentCreatedReplySchema, answer, 'Sandbox bank payment.created');
    if (created.out_trade_no !== input.outTradeNo) {
      throw new ChannelError('trade_mismatch', 'The bank created another trade');
    }
    return {
      outTradeNo: created.out_trade_no,
      channelTradeNo: created.bank_trade_no,
      launch: { kind: 'hosted', url: created.pay_url },
    };
  }

  async function parseNotify(request: NotifyRequest, now: Date): Promise<PaymentNotice> {
    const fields = await openNotify(request, now);
    const notify = parseAs(paymentNotifySchema, fields, 'Sandbox bank payment.notify');
    return { ...toPaymentSnapshot(notify), notifyId: notify.nonce };
  }

  async function queryPayment(input: { outTradeNo: string; now: Date }): Promise<PaymentSnapshot> {
    const answer = await callSandboxBank(ctx, { type: 'payment.query', out_trade_no: input.outTradeNo }, input.now);
    const status = parseAs(paymentStatusReplySchema, answer, 'Sandbox bank payment.status');
    if (status.out_trade_no !== input.outTradeNo) {
      throw new ChannelError('trade_mismatch', 'The query answered for another trade');
    }
    return toPaymentSnapshot(status);
  }

  async function refund(input: RefundInput): Promise<RefundSnapshot> {
    assertPositiveFen(input.refundFen, 'A refund');
    if (input.refundFen > input.totalFen) {
      throw new ChannelError('invalid_request', 'A refund cannot exceed the payment');
    }
    const answer = await callSandboxBank(
      ctx,
      {
        type: 'refund.create',
        out_trade_no: input.outTradeNo,
        out_refund_no: input.outRefundNo,
        refund_fen: input.refundFen.toString(),
        total_fen: input.totalFen.toString(),
        reason: input.reason,
        notify_url: config.refundNotifyUrl,
      },
      input.now,
    );
    return checkedRefund(answer, input);
  }

  async function queryRefund(input: { outTradeNo: string; outRefundNo: string; now: Date }): Promise<RefundSnapshot> {
    const answer = await callSandboxBank(
      ctx,
      { type: 'refund.query', out_trade_no: input.outTradeNo, out_refund_no: input.outRefundNo },
      input.now,
    );
    return checkedRefund(answer, input);
  }

  async function parseRefundNotify(request: NotifyRequest, now: Date): Promise<RefundNotice> {
    const fields = await openNotify(request, now);
    const notify = parseAs(refundNotifySchema, fields, 'Sandbox bank refund.notify');
    return { ...toRefundSnapshot(notify), notifyId: notify.nonce };
  }

  function notifyReply(accepted: boolean): NotifyReply {
    return {
      status: accepted ? 200 : 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      body: accepted ? SANDBOX_NOTIFY_ACK : 'RETRY',
    };
  }

  return { id: 'sandbox-bank', createPayment, parseNotify, queryPayment, refund, queryRefund, parseRefundNotify, notifyReply };
}

function checkedRefund(
  answer: Record<string, string>,
  asked: { outTradeNo: string; outRefundNo: string },
): RefundSnapshot {
  const status = parseAs(refundStatusReplySchema, answer, 'Sandbox bank refund.status');
  if (status.out_trade_no !== asked.outTradeNo || status.out_refund_no !== asked.outRefundNo) {
    throw new ChannelError('trade_mismatch', 'The bank answered for another refund');
  }
  return toRefundSnapshot(status);
}
