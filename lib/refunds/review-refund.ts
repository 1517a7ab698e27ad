import { withTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors/app-error';
import { enqueuePayRefund, prepareRefundQueues } from './pay-job';
import { lockRefund, moveRefund, recordRefundStep, type RefundActor } from './records';
import type { RefundState } from './state-machine';

/**
 * Staff steps on a refund request: take it into review, approve (a second approval by a
 * supervisor above the threshold), reject with a reason the resident reads, or retry a failed
 * payment by hand. Each step locks the request, so two staff clicking at once act one after the other.
 */
type Staff = Extract<RefundActor, { kind: 'STAFF' }>;

export const REJECT_REASON_MAX = 500;

export async function startReview(input: { refundId: string; actor: Staff }, now: Date): Promise<void> {
  await prepareRefundQueues();
  await withTransaction(async (client) => {
    const refund = await lockRefund(client, input.refundId, input.actor);
    await moveRefund(client, refund, 'under_review', input.actor, { kind: 'review' }, now);
  });
}

export type ApproveOutcome = 'approved' | 'awaiting_supervisor';

export async function approveRefund(input: { refundId: string; actor: Staff }, now: Date): Promise<ApproveOutcome> {
  await prepareRefundQueues();
  return withTransaction(async (client) => {
    const refund = await lockRefund(client, input.refundId, input.actor);
    if (refund.state === 'submitted') await moveRefund(client, refund, 'under_review', input.actor, { kind: 'review' }, now);
    if (refund.state !== 'under_review') throw new AppError('invalid_transition', `approve in ${refund.state}`);
    if (refund.needsSupervisor) {
      if (refund.firstApprovedBy === null) {
        await client.query(`UPDATE refund_request SET first_approved_by = $2, first_approved_at = $3, updated_at = $3 WHERE id = $1`, [
          refund.id,
          input.actor.staffId,
          now,
        ]);
        await recordRefundStep(client, refund, input.actor, { from: 'under_review', to: 'under_review', kind: 'first_approval' }, now);
        return 'awaiting_supervisor';
      }
      // Two different people, the second one a supervisor: one person alone cannot release a large refund.
      if (input.actor.role === 'AGENT') throw new AppError('forbidden', 'supervisor_required');
      if (refund.firstApprovedBy === input.actor.staffId) throw new AppError('conflict', 'same_approver');
    }
    await moveRefund(client, refund, 'approved', input.actor, { kind: refund.needsSupervisor ? 'second_approval' : 'approve' }, now);
    await enqueuePayRefund(client, refund.id);
    return 'approved';
  });
}

const REJECTABLE: readonly RefundState[] = ['submitted', 'under_review', 'failed'];

export async function rejectRefund(input: { refundId: string; actor: Staff; reason: string }, now: Date): Promise<void> {
  const reason = input.reason.trim();
  if (reason.length === 0 || reason.length > REJECT_REASON_MAX) throw new AppError('invalid_input', 'reason');
  await prepareRefundQueues();
  await withTransaction(async (client) => {
    const refund = await lockRefund(client, input.refundId, input.actor);
    if (!REJECTABLE.includes(refund.state)) throw new AppError('invalid_transition', `reject in ${refund.state}`);
    // A failed refund may have money at a channel in an unknown state: only a supervisor closes it.
    if (refund.state === 'failed' && input.actor.role === 'AGENT') throw new AppError('forbidden', 'supervisor_required');
    const sent = await client.query(
      `SELECT 1 FROM refund_payout WHERE refund_id = $1 AND status IN ('processing', 'abnormal', 'succeeded') LIMIT 1`,
      [refund.id],
    );
    if (sent.rowCount) throw new AppError('invalid_transition', 'money already sent');
    await moveRefund(client, refund, 'rejected', input.actor, { kind: 'reject', message: reason }, now, { rejectReason: reason });
  });
}

/** Staff ask for another payment attempt of a failed (or escalated) refund at once. */
export async function retryRefundNow(input: { refundId: string; actor: Staff }, now: Date): Promise<void> {
  await prepareRefundQueues();
  await withTransaction(async (client) => {
    const refund = await lockRefund(client, input.refundId, input.actor);
    if (refund.state !== 'failed') throw new AppError('invalid_transition', `retry in ${refund.state}`);
    await recordRefundStep(client, refund, input.actor, { from: 'failed', to: 'failed', kind: 'retry_requested' }, now);
    await client.query(`UPDATE refund_request SET escalated_at = NULL, attempts = 0, updated_at = $2 WHERE id = $1`, [refund.id, now]);
    await enqueuePayRefund(client, refund.id);
  });
}
