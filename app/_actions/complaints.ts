'use server';

import { formInput, priorState } from '@/lib/http/action-input';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requireResident } from '@/lib/auth/current';
import { filingSchema } from '@/lib/complaints/fields';
import { fileComplaint } from '@/lib/complaints/file-complaint';
import { joinIncident } from '@/lib/complaints/join-incident';
import { shanghaiDay } from '@/lib/complaints/shanghai';
import { transitionWorkOrder } from '@/lib/complaints/transition-work-order';
import { AppError } from '@/lib/errors/app-error';
import { userMessage } from '@/lib/errors/messages';
import { preferences, requestMeta } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { complaintMessages, type ComplaintMessages } from '@/lib/i18n/complaints';
import { normalizeMobile } from '@/lib/privacy/phone';

type FieldKey = keyof ComplaintMessages['fieldErrors'];

export interface FilingState {
  error?: string;
  fieldErrors?: Partial<Record<FieldKey, string>>;
  /** What was sent, so a refused form comes back exactly as the resident left it. */
  values?: Record<string, string | string[]>;
  attempt?: number;
}

function optional(value: FormDataEntryValue | null): string | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  return text === '' ? undefined : text;
}

function fieldErrorsOf(keys: Iterable<PropertyKey>, c: ComplaintMessages): Partial<Record<FieldKey, string>> {
  const out: Partial<Record<FieldKey, string>> = {};
  for (const key of keys) if (typeof key === 'string' && key in c.fieldErrors) out[key as FieldKey] = c.fieldErrors[key as FieldKey];
  return out;
}

export async function fileComplaintAction(prev: FilingState, formData: FormData): Promise<FilingState> {
  formData = formInput(formData);
  prev = priorState<FilingState>(prev, {});
  const { residentId } = await requireResident();
  const { t, locale } = await preferences();
  const c = complaintMessages(locale);
  const raw = {
    idempotencyKey: String(formData.get('idempotencyKey') ?? ''),
    accountId: String(formData.get('accountId') ?? ''),
    problem: String(formData.get('problem') ?? ''),
    rooms: formData.getAll('rooms').map(String),
    indoorCelsius: optional(formData.get('indoorCelsius')),
    sinceDate: optional(formData.get('sinceDate')),
    description: String(formData.get('description') ?? ''),
    contactPhone: String(formData.get('contactPhone') ?? ''),
    preferredVisits: formData.getAll('preferredVisits').map(String),
  };
  const values = { ...raw, indoorCelsius: raw.indoorCelsius ?? '', sinceDate: raw.sinceDate ?? '' };
  const attempt = (prev.attempt ?? 0) + 1;
  const now = new Date();
  const parsed = filingSchema
    .refine((v) => normalizeMobile(v.contactPhone) !== null, { path: ['contactPhone'] })
    .refine((v) => !v.sinceDate || v.sinceDate <= shanghaiDay(now), { path: ['sinceDate'] })
    .safeParse(raw);
  if (!parsed.success) {
    const keys = new Set(parsed.error.issues.map((i) => i.path[0] ?? ''));
    // A stale or missing page key is not the resident's doing: the page simply gives a new one.
    return { values, attempt, error: keys.has('idempotencyKey') ? t.errors.conflict : c.file.fixErrors, fieldErrors: fieldErrorsOf(keys, c) };
  }
  let complaintId: string;
  try {
    const { ip } = await requestMeta();
    ({ complaintId } = await fileComplaint({ ...parsed.data, residentId, ip }, now));
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_input' && error.detail) {
      return { values, attempt, error: c.file.fixErrors, fieldErrors: fieldErrorsOf([error.detail], c) };
    }
    return { values, attempt, error: userMessage(error, t) };
  }
  revalidatePath('/repair');
  redirect(`/repair/${complaintId}`);
}

export interface SimpleState {
  ok?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
}

const residentStep = z.object({
  intent: z.enum(['reopen', 'confirm']),
  workOrderId: z.uuid(),
  complaintId: z.uuid(),
  reason: z.string().trim().max(500).optional(),
});

export async function residentStepAction(_prev: SimpleState, formData: FormData): Promise<SimpleState> {
  formData = formInput(formData);
  const { residentId } = await requireResident();
  const { t, locale } = await preferences();
  const c = complaintMessages(locale);
  const parsed = residentStep.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const keys = parsed.error.issues.map((i) => i.path[0] ?? '');
    return keys.includes('reason') ? { fieldErrors: { reason: c.fieldErrors.reason } } : { error: t.errors.invalid_input };
  }
  const { intent, workOrderId, complaintId, reason } = parsed.data;
  try {
    const { ip } = await requestMeta();
    await transitionWorkOrder(
      { workOrderId, to: intent === 'reopen' ? 'REOPENED' : 'CLOSED', actor: { kind: 'RESIDENT', residentId, ip }, message: reason || undefined },
      new Date(),
    );
  } catch (error) {
    return { error: userMessage(error, t) };
  }
  // The page changes under the form (its buttons belong to the resolved state), so the
  // confirmation travels in the address and the page announces it.
  revalidatePath(`/repair/${complaintId}`);
  redirect(`/repair/${complaintId}?done=${intent}`);
}

export async function joinIncidentAction(_prev: SimpleState, formData: FormData): Promise<SimpleState> {
  formData = formInput(formData);
  const { residentId } = await requireResident();
  const { t, locale } = await preferences();
  const c = complaintMessages(locale);
  const parsed = z.object({ incidentId: z.uuid(), accountId: z.uuid(), accountNo: z.string().max(40) }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: t.errors.invalid_input };
  try {
    const { ip } = await requestMeta();
    await joinIncident({ residentId, incidentId: parsed.data.incidentId, accountId: parsed.data.accountId, ip }, new Date());
  } catch (error) {
    return { error: userMessage(error, t) };
  }
  revalidatePath('/');
  revalidatePath('/repair');
  return { ok: fill(c.station.joined, { accountNo: parsed.data.accountNo }) };
}
