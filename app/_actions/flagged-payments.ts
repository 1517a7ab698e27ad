'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireStaff } from '@/lib/auth/current';
import { AppError } from '@/lib/errors/app-error';
import { userMessage } from '@/lib/errors/messages';
import { formInput } from '@/lib/http/action-input';
import { preferences, requestMeta } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { flaggedMessages } from '@/lib/i18n/flagged-payments';
import { appChannels } from '@/lib/payments/app-channels';
import { creditFlaggedPayment, refundFlaggedPayment, RESOLUTION_NOTE_MAX } from '@/lib/payments/resolve-flagged';
import { formatMoney } from '@/lib/format/money';
import type { SimpleState } from './complaints';

/**
 * A supervisor resolves a flagged payment: 核实后入账 (credit) or 原路退回 (refund), each with a
 * required note. Who may, and whether the payment still can be, is decided in the domain.
 */
const resolveSchema = z.object({
  paymentId: z.uuid(),
  intent: z.enum(['credit', 'refund']),
  note: z.string().trim().min(1).max(RESOLUTION_NOTE_MAX),
});

export async function resolveFlaggedAction(_prev: SimpleState, formData: FormData): Promise<SimpleState> {
  formData = formInput(formData);
  const staff = await requireStaff();
  const { ip } = await requestMeta();
  const { t, locale } = await preferences();
  const m = flaggedMessages(locale);
  const parsed = resolveSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const keys = parsed.error.issues.map((i) => i.path[0]);
    return keys.includes('note') ? { error: m.noteRequired, fieldErrors: { note: m.noteRequired } } : { error: t.errors.invalid_input };
  }
  const { paymentId, intent, note } = parsed.data;
  const input = { paymentId, note, actor: { staffId: staff.staffId, utilityId: staff.utilityId, role: staff.role, name: staff.name, ip } };
  let ok: string;
  try {
    if (intent === 'credit') {
      const done = await creditFlaggedPayment(appChannels(), input, new Date());
      ok = fill(done.overpaidFen > 0n ? m.creditedOverpaid : m.credited, { amount: formatMoney(done.amountFen), overpaid: formatMoney(done.overpaidFen) });
    } else {
      const done = await refundFlaggedPayment(appChannels(), input, new Date());
      ok = fill(m.refunded, { amount: formatMoney(done.amountFen), number: String(done.number) });
    }
  } catch (error) {
    if (error instanceof AppError && error.detail && error.detail in m.errors) return { error: m.errors[error.detail as keyof typeof m.errors] };
    return { error: userMessage(error, t) };
  }
  revalidatePath(`/staff/payments/${paymentId}`);
  revalidatePath('/staff/payments');
  return { ok };
}
