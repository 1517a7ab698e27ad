'use server';

import { formInput } from '@/lib/http/action-input';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireResident, requireStaff } from '@/lib/auth/current';
import { userMessage } from '@/lib/errors/messages';
import { formatDateTime } from '@/lib/format/time';
import { preferences, requestMeta } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { privacyMessages } from '@/lib/i18n/privacy';
import { handleClosure, requestClosure } from '@/lib/privacy/closure';
import { canReveal, revealAccountField } from '@/lib/privacy/reveal';

export interface RevealState {
  value?: string;
  error?: string;
}

export async function revealAction(_prev: RevealState, formData: FormData): Promise<RevealState> {
  formData = formInput(formData);
  const staff = await requireStaff();
  const { t, locale } = await preferences();
  if (!canReveal(staff.role)) return { error: privacyMessages(locale).revealDenied };
  const parsed = z.object({ accountId: z.uuid(), field: z.enum(['phone', 'id_number']) }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: t.errors.invalid_input };
  try {
    const { ip } = await requestMeta();
    return { value: await revealAccountField(staff, parsed.data.accountId, parsed.data.field, ip, new Date()) };
  } catch (error) {
    return { error: userMessage(error, t) };
  }
}

export interface ClosureState {
  ok?: string;
  error?: string;
}

export async function requestClosureAction(_prev: ClosureState, formData: FormData): Promise<ClosureState> {
  formData = formInput(formData);
  const { residentId } = await requireResident();
  const { t, locale } = await preferences();
  const parsed = z
    .object({ intent: z.literal('close-account'), reason: z.string().trim().max(500).optional() })
    .safeParse({ intent: formData.get('intent'), reason: formData.get('reason') ?? undefined });
  if (!parsed.success) return { error: t.errors.invalid_input };
  try {
    const { ip } = await requestMeta();
    const { requestedAt } = await requestClosure(residentId, parsed.data.reason || null, ip, new Date());
    revalidatePath('/me');
    return { ok: fill(privacyMessages(locale).closeRequested, { at: formatDateTime(requestedAt) }) };
  } catch (error) {
    return { error: userMessage(error, t) };
  }
}

export async function handleClosureAction(_prev: ClosureState, formData: FormData): Promise<ClosureState> {
  formData = formInput(formData);
  const staff = await requireStaff(['SUPERVISOR', 'ADMIN']);
  const { t, locale } = await preferences();
  const parsed = z.object({ requestId: z.uuid(), decision: z.enum(['DONE', 'REFUSED']) }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: t.errors.invalid_input };
  try {
    const { ip } = await requestMeta();
    await handleClosure(staff, parsed.data.requestId, parsed.data.decision, ip, new Date());
    revalidatePath('/staff/closures');
    return { ok: privacyMessages(locale).handled };
  } catch (error) {
    return { error: userMessage(error, t) };
  }
}
