'use server';

import { formInput } from '@/lib/http/action-input';
import { z } from 'zod';
import { requireResident } from '@/lib/auth/current';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { userMessage } from '@/lib/errors/messages';
import { preferences, requestMeta } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { paymentMessages } from '@/lib/i18n/payments';
import type { PaymentLaunch } from '@/lib/payments/channel';
import { appChannels } from '@/lib/payments/app-channels';
import { createPayment } from '@/lib/payments/create-payment';
import { offeredChannels } from '@/lib/payments/offered-channels';
import { linkedOpenId } from '@/lib/payments/wechat-link';

export interface PayState {
  error?: string;
  paymentId?: string;
  /** null: nothing to launch any more (the payment already ended); show its result. */
  launch?: PaymentLaunch | null;
}

const input = z.object({
  billId: z.uuid(),
  channel: z.enum(['wechatpay', 'alipay', 'sandbox-bank']),
  idempotencyKey: z.uuid(),
});

export async function startPaymentAction(_prev: PayState, formData: FormData): Promise<PayState> {
  formData = formInput(formData);
  const { residentId } = await requireResident();
  const { t, locale } = await preferences();
  const m = paymentMessages(locale);
  const parsed = input.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: t.errors.invalid_input };
  const meta = await requestMeta();
  const settings = env().payments;
  if (!offeredChannels(settings.offered, meta.wechat).includes(parsed.data.channel)) return { error: m.channelUnavailable };
  try {
    const payerOpenId = parsed.data.channel === 'wechatpay' ? await linkedOpenId(residentId) : null;
    if (parsed.data.channel === 'wechatpay' && !payerOpenId) return { error: m.wechatNeeded };
    const started = await createPayment(appChannels(), {
      ...parsed.data,
      residentId,
      payerOpenId,
      clientIp: meta.ip,
      origin: settings.origin,
      limitMinutes: settings.limitMinutes,
      now: new Date(),
    });
    return { paymentId: started.payment.id, launch: started.launch };
  } catch (error) {
    return { error: paymentError(error, m, settings.limitMinutes) ?? userMessage(error, t) };
  }
}

function paymentError(error: unknown, m: ReturnType<typeof paymentMessages>, minutes: number): string | null {
  if (!(error instanceof AppError)) return null;
  if (error.code === 'conflict' && error.detail?.startsWith('open_payment')) return fill(m.openPayment, { minutes });
  if (error.code === 'invalid_transition' && error.detail === 'bill_not_payable') return m.billPaid;
  if (error.code === 'unavailable') return m.channelUnavailable;
  return null;
}
