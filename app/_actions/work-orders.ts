'use server';

import { formInput } from '@/lib/http/action-input';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireStaff } from '@/lib/auth/current';
import type { Actor } from '@/lib/complaints/actor';
import { escalateWorkOrder } from '@/lib/complaints/escalate-work-order';
import { celsiusText, ROOMS } from '@/lib/complaints/fields';
import { updateIncident } from '@/lib/complaints/manage-incident';
import { recordTemperatures } from '@/lib/complaints/record-temperatures';
import { REPLY_MAX, replyToResident } from '@/lib/complaints/reply-to-resident';
import { fromShanghaiLocalInput } from '@/lib/complaints/shanghai';
import { transitionWorkOrder } from '@/lib/complaints/transition-work-order';
import { AppError } from '@/lib/errors/app-error';
import { userMessage } from '@/lib/errors/messages';
import { preferences, requestMeta } from '@/lib/http/request-context';
import { complaintMessages, type ComplaintMessages } from '@/lib/i18n/complaints';
import type { SimpleState } from './complaints';

/**
 * Staff steps on a work order, one form per step, told apart by `intent`. Each validates, builds
 * the staff actor (their utility bounds what they can reach) and calls one domain function.
 */
const message = z.string().trim().min(1).max(REPLY_MAX);
const localTime = z.string().transform((s, ctx) => fromShanghaiLocalInput(s) ?? (ctx.addIssue({ code: 'custom' }), z.NEVER));

const steps = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('claim') }),
  z.object({ intent: z.literal('reply'), message }),
  z.object({ intent: z.literal('note'), message }),
  z.object({ intent: z.literal('schedule'), visitAt: localTime }),
  z.object({ intent: z.literal('start_repair') }),
  z.object({ intent: z.literal('temperature'), room: z.enum(ROOMS), measuredOn: z.iso.date(), celsius: celsiusText }),
  z.object({ intent: z.literal('resolve'), message }),
  z.object({ intent: z.literal('escalate'), reason: z.string().trim().min(1).max(500) }),
]);

const FIELD_OF: Record<string, keyof ComplaintMessages['fieldErrors']> = {
  message: 'message',
  visitAt: 'visitAt',
  room: 'readings',
  measuredOn: 'readings',
  celsius: 'readings',
  celsiusText: 'readings',
  reason: 'reason',
  readings: 'readings',
  expectedFixAt: 'expectedFixAt',
};

function fieldErrors(keys: Iterable<PropertyKey>, c: ComplaintMessages): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const field = typeof key === 'string' ? FIELD_OF[key] : undefined;
    if (field) out[String(key)] = c.fieldErrors[field];
  }
  return out;
}

async function staffActor(): Promise<Extract<Actor, { kind: 'STAFF' }>> {
  const staff = await requireStaff();
  const { ip } = await requestMeta();
  return { kind: 'STAFF', staffId: staff.staffId, utilityId: staff.utilityId, name: staff.name, ip };
}

export async function workOrderAction(_prev: SimpleState, formData: FormData): Promise<SimpleState> {
  formData = formInput(formData);
  const actor = await staffActor();
  const { t, locale } = await preferences();
  const c = complaintMessages(locale);
  const workOrderId = z.uuid().safeParse(formData.get('workOrderId'));
  const parsed = steps.safeParse(Object.fromEntries(formData));
  if (!workOrderId.success) return { error: t.errors.not_found };
  if (!parsed.success) return { error: c.file.fixErrors, fieldErrors: fieldErrors(parsed.error.issues.map((i) => i.path[0] ?? ''), c) };
  const step = parsed.data;
  const id = workOrderId.data;
  const now = new Date();
  try {
    switch (step.intent) {
      case 'claim':
        await transitionWorkOrder({ workOrderId: id, to: 'ACKNOWLEDGED', actor }, now);
        break;
      case 'reply':
      case 'note':
        await replyToResident({ workOrderId: id, actor, message: step.message, internal: step.intent === 'note' }, now);
        break;
      case 'schedule':
        await transitionWorkOrder({ workOrderId: id, to: 'VISIT_SCHEDULED', actor, visitAt: step.visitAt }, now);
        break;
      case 'start_repair':
        await transitionWorkOrder({ workOrderId: id, to: 'IN_REPAIR', actor }, now);
        break;
      case 'temperature':
        await recordTemperatures({ workOrderId: id, actor, readings: [{ room: step.room, measuredOn: step.measuredOn, celsius: step.celsius }] }, now);
        break;
      case 'resolve':
        await transitionWorkOrder({ workOrderId: id, to: 'RESOLVED', actor, message: step.message }, now);
        break;
      case 'escalate':
        await escalateWorkOrder({ workOrderId: id, actor, reason: step.reason }, now);
        break;
    }
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_input' && error.detail) {
      return { error: c.file.fixErrors, fieldErrors: fieldErrors([error.detail], c) };
    }
    return { error: userMessage(error, t) };
  }
  revalidatePath(`/staff/work-orders/${id}`);
  revalidatePath('/staff/work-orders');
  return { ok: c.staff.done };
}

const incidentStep = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('resolve'), incidentId: z.uuid() }),
  z.object({ intent: z.literal('expected'), incidentId: z.uuid(), expectedFixAt: localTime }),
]);

export async function incidentAction(_prev: SimpleState, formData: FormData): Promise<SimpleState> {
  formData = formInput(formData);
  const staff = await requireStaff(['SUPERVISOR', 'ADMIN']);
  const { ip } = await requestMeta();
  const { t, locale } = await preferences();
  const c = complaintMessages(locale);
  const parsed = incidentStep.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: c.file.fixErrors, fieldErrors: fieldErrors(parsed.error.issues.map((i) => i.path[0] ?? ''), c) };
  const actor = { kind: 'STAFF' as const, staffId: staff.staffId, utilityId: staff.utilityId, name: staff.name, ip };
  try {
    await updateIncident(
      parsed.data.intent === 'resolve'
        ? { incidentId: parsed.data.incidentId, actor, resolve: true }
        : { incidentId: parsed.data.incidentId, actor, expectedFixAt: parsed.data.expectedFixAt },
      new Date(),
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_input' && error.detail === 'expectedFixAt') {
      return { fieldErrors: { expectedFixAt: c.fieldErrors.expectedFixAt } };
    }
    return { error: userMessage(error, t) };
  }
  revalidatePath('/staff/dashboard');
  return { ok: c.staff.done };
}
