import { z } from 'zod';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { userMessage } from '@/lib/errors/messages';
import { fill, messages, type Locale } from '@/lib/i18n';
import { paymentMessages } from '@/lib/i18n/payments';
import type { RequestMeta } from '@/lib/http/request-context';
import { appChannels } from './app-channels';
import type { PaymentLaunch } from './channel';
import { createPayment } from './create-payment';
import { offeredChannels } from './offered-channels';
import { linkedOpenId } from './wechat-link';

/** What the pay page (server action) and the JSON API send to start paying a bill. */
export const startPaymentInput = z.object({
  billId: z.uuid(),
  channel: z.enum(['wechatpay', 'alipay', 'sandbox-bank']),
  idempotencyKey: z.uuid(),
});

export type StartPaymentInput = z.infer<typeof startPaymentInput>;

export type StartOutcome =
  | { ok: true; paymentId: string; status: string; launch: PaymentLaunch | null }
  | { ok: false; code: AppError['code'] | 'channel_unavailable'; message: string };

/**
 * Starts (or resumes) the signed-in resident's payment of a bill on a channel offered to this
 * browser, with the error in the resident's language. Never throws for the resident's input.
 */
export async function startPaymentForResident(residentId: string, input: StartPaymentInput, meta: RequestMeta, locale: Locale): Promise<StartOutcome> {
  const m = paymentMessages(locale);
  const settings = env().payments;
  if (!offeredChannels(settings.offered, meta.wechat).includes(input.channel)) {
    return { ok: false, code: 'channel_unavailable', message: m.channelUnavailable };
  }
  try {
    const payerOpenId = input.channel === 'wechatpay' ? await linkedOpenId(residentId) : null;
    if (input.channel === 'wechatpay' && !payerOpenId) return { ok: false, code: 'invalid_input', message: m.wechatNeeded };
    const started = await createPayment(appChannels(), {
      ...input,
      residentId,
      payerOpenId,
      clientIp: meta.ip,
      origin: settings.origin,
      limitMinutes: settings.limitMinutes,
      now: new Date(),
    });
    return { ok: true, paymentId: started.payment.id, status: started.payment.status, launch: started.launch };
  } catch (error) {
    const code = error instanceof AppError ? error.code : 'unavailable';
    return { ok: false, code, message: paymentError(error, m, settings.limitMinutes) ?? userMessage(error, messages(locale)) };
  }
}

function paymentError(error: unknown, m: ReturnType<typeof paymentMessages>, minutes: number): string | null {
  if (!(error instanceof AppError)) return null;
  if (error.code === 'conflict' && error.detail?.startsWith('open_payment')) return fill(m.openPayment, { minutes });
  if (error.code === 'invalid_transition' && error.detail === 'bill_not_payable') return m.billPaid;
  if (error.code === 'unavailable') return m.channelUnavailable;
  return null;
}
