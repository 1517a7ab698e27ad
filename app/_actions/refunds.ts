'use server';

import { formInput } from '@/lib/http/action-input';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requireResident, requireStaff } from '@/lib/auth/current';
import { AppError } from '@/lib/errors/app-error';
import { userMessage } from '@/lib/errors/messages';
import { preferences, requestMeta } from '@/lib/http/request-context';
import { refundMessages } from '@/lib/i18n/refunds';
import { markPaidOffline, OFFLINE_NOTE_MAX } from '@/lib/refunds/offline-payback';
import { approveRefund, rejectRefund, REJECT_REASON_MAX, retryRefundNow, startReview } from '@/lib/refunds/review-refund';
import { withdrawRefund } from '@/lib/refunds/withdraw-refund';
import type { SimpleState } from './complaints';

/**
 * Staff steps on a refund request, one small form per step, told apart by `intent`. Each
 * validates, builds the staff actor (their utility bounds what they reach) and calls one domain
 * function; who may approve what is decided there, not here.
 */
const steps = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('review') }),
  z.object({ intent: z.literal('approve') }),
  z.object({ intent: z.literal('reject'), reason: z.string().trim().min(1).max(REJECT_REASON_MAX) }),
  z.object({ intent: z.literal('retry') }),
  z.object({ intent: z.literal('offline'), note: z.string().trim().min(1).max(OFFLINE_NOTE_MAX) }),
]);

export async function refundStepAction(_prev: SimpleState, formData: FormData): Promise<SimpleState> {
  formData = formInput(formData);
  const staff = await requireStaff();
  const { ip } = await requestMeta();
  const { t, locale } = await preferences();
  const m = refundMessages(locale);
  const refundId = z.uuid().safeParse(formData.get('refundId'));
  if (!refundId.success) return { error: t.errors.not_found };
  const parsed = steps.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return formData.get('intent') === 'offline'
      ? { error: t.errors.invalid_input, fieldErrors: { note: m.staff.offlineLabel } }
      : { error: t.errors.invalid_input, fieldErrors: { reason: m.staff.rejectLabel } };
  }
  const actor = { kind: 'STAFF' as const, staffId: staff.staffId, utilityId: staff.utilityId, role: staff.role, name: staff.name, ip };
  const id = refundId.data;
  const now = new Date();
  let ok = m.staff.done;
  try {
    switch (parsed.data.intent) {
      case 'review':
        await startReview({ refundId: id, actor }, now);
        break;
      case 'approve':
        if ((await approveRefund({ refundId: id, actor }, now)) === 'awaiting_supervisor') ok = m.staff.awaitingSupervisor;
        break;
      case 'reject':
        await rejectRefund({ refundId: id, actor, reason: parsed.data.reason }, now);
        break;
      case 'retry':
        await retryRefundNow({ refundId: id, actor }, now);
        break;
      case 'offline':
        await markPaidOffline({ refundId: id, actor, note: parsed.data.note }, now);
        break;
    }
  } catch (error) {
    if (error instanceof AppError && error.detail === 'supervisor_required') return { error: m.staff.supervisorRequired };
    if (error instanceof AppError && error.detail === 'same_approver') return { error: m.staff.sameApprover };
    return { error: userMessage(error, t) };
  }
  revalidatePath(`/staff/refunds/${id}`);
  revalidatePath('/staff/refunds');
  return { ok };
}

export type WithdrawError = 'too_late' | 'not_found' | 'failed';

/**
 * The resident withdraws their own request from 退费进度: a plain form, so it works before
 * JavaScript loads. The page changes under it (the request is closed), so the outcome travels in
 * the address and the page announces it; nothing ends on an error page.
 */
export async function withdrawRefundAction(formData: FormData): Promise<void> {
  formData = formInput(formData);
  const { residentId } = await requireResident();
  const refundId = z.uuid().safeParse(formData.get('refundId'));
  let outcome: { number: number } | WithdrawError;
  if (!refundId.success) outcome = 'not_found';
  else {
    try {
      const { ip } = await requestMeta();
      outcome = await withdrawRefund({ refundId: refundId.data, residentId, ip }, new Date());
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_transition') outcome = 'too_late';
      else if (error instanceof AppError && error.code === 'not_found') outcome = 'not_found';
      else {
        console.error('[refunds] withdrawal failed:', error);
        outcome = 'failed';
      }
    }
  }
  revalidatePath('/refunds');
  redirect(typeof outcome === 'string' ? `/refunds?withdrawError=${outcome}` : `/refunds?withdrawn=${outcome.number}`);
}
