import type pg from 'pg';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors/app-error';
import { formatMoney } from '@/lib/format/money';
import type { NoticeTemplate } from '@/lib/notify/notifier';
import { enqueueRefundNotice } from './notices';
import { assertRefundTransition, type RefundReason, type RefundState } from './state-machine';

/** Who acts on a refund. Staff act within their own utility; residents only on their own requests. */
export type RefundActor =
  | { kind: 'STAFF'; staffId: string; utilityId: string; role: 'AGENT' | 'SUPERVISOR' | 'ADMIN'; name: string; ip?: string }
  | { kind: 'RESIDENT'; residentId: string; ip?: string }
  | { kind: 'SYSTEM' };

export interface LockedRefund {
  id: string;
  number: number;
  utilityId: string;
  accountId: string;
  billId: string;
  residentId: string;
  reason: RefundReason;
  amountFen: bigint;
  state: RefundState;
  needsSupervisor: boolean;
  firstApprovedBy: string | null;
  attempts: number;
  escalatedAt: Date | null;
}

interface Row {
  id: string;
  number: number;
  utility_id: string;
  account_id: string;
  bill_id: string;
  resident_id: string;
  reason: RefundReason;
  amount_fen: string;
  state: RefundState;
  needs_supervisor: boolean;
  first_approved_by: string | null;
  attempts: number;
  escalated_at: Date | null;
}

/** Locks the request for the rest of the transaction, if this actor may reach it; else not_found. */
export async function lockRefund(client: pg.PoolClient, refundId: string, actor: RefundActor): Promise<LockedRefund> {
  const { rows } = await client.query<Row>(
    `SELECT id, number, utility_id, account_id, bill_id, resident_id, reason, amount_fen::text AS amount_fen, state,
       needs_supervisor, first_approved_by, attempts, escalated_at
     FROM refund_request WHERE id = $1 AND ($2::uuid IS NULL OR utility_id = $2) AND ($3::uuid IS NULL OR resident_id = $3)
     FOR UPDATE`,
    [refundId, actor.kind === 'STAFF' ? actor.utilityId : null, actor.kind === 'RESIDENT' ? actor.residentId : null],
  );
  const r = rows[0];
  if (!r) throw new AppError('not_found', 'refund');
  return {
    id: r.id,
    number: r.number,
    utilityId: r.utility_id,
    accountId: r.account_id,
    billId: r.bill_id,
    residentId: r.resident_id,
    reason: r.reason,
    amountFen: BigInt(r.amount_fen),
    state: r.state,
    needsSupervisor: r.needs_supervisor,
    firstApprovedBy: r.first_approved_by,
    attempts: r.attempts,
    escalatedAt: r.escalated_at,
  };
}

export interface RefundStep {
  from: RefundState | null;
  to: RefundState;
  kind: string;
  message?: string | null;
  detail?: Record<string, unknown>;
}

export function actorColumns(actor: RefundActor): { actorKind: 'STAFF' | 'RESIDENT' | 'SYSTEM'; actorId: string | null } {
  return {
    actorKind: actor.kind,
    actorId: actor.kind === 'STAFF' ? actor.staffId : actor.kind === 'RESIDENT' ? actor.residentId : null,
  };
}

/** One line of the refund's timeline and the matching audit line, in the caller's transaction. */
export async function recordRefundStep(
  client: pg.PoolClient,
  refund: Pick<LockedRefund, 'id' | 'utilityId'>,
  actor: RefundActor,
  step: RefundStep,
  now: Date,
): Promise<void> {
  const { actorKind, actorId } = actorColumns(actor);
  await client.query(
    `INSERT INTO refund_event (refund_id, at, from_state, to_state, kind, actor_kind, actor_id, message, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [refund.id, now, step.from, step.to, step.kind, actorKind, actorId, step.message ?? null, step.detail ? JSON.stringify(step.detail) : null],
  );
  await recordAudit(
    {
      actorKind,
      actorId,
      utilityId: refund.utilityId,
      action: `refund.${step.kind}`,
      entity: 'refund_request',
      entityId: refund.id,
      ip: actor.kind === 'SYSTEM' ? null : (actor.ip ?? null),
      detail: { from: step.from, to: step.to, ...(step.message ? { message: step.message } : {}), ...(step.detail ?? {}) },
    },
    now,
    client,
  );
}

const NOTICE_OF: Partial<Record<RefundState, NoticeTemplate>> = {
  under_review: 'refund_under_review',
  approved: 'refund_approved',
  refunding: 'refund_refunding',
  refunded: 'refund_refunded',
  rejected: 'refund_rejected',
  failed: 'refund_failed',
  withdrawn: 'refund_withdrawn',
};

/**
 * Moves a locked request to `to` through the state machine: the row, its timeline entry, the
 * audit line and the resident's notice, all in the caller's transaction.
 */
export async function moveRefund(
  client: pg.PoolClient,
  refund: LockedRefund,
  to: RefundState,
  actor: RefundActor,
  step: Omit<RefundStep, 'from' | 'to'>,
  now: Date,
  set: { rejectReason?: string; lastError?: string | null; attemptsPlusOne?: boolean; notice?: NoticeTemplate } = {},
): Promise<void> {
  assertRefundTransition(refund.state, to);
  await client.query(
    `UPDATE refund_request SET state = $2, updated_at = $3,
       reject_reason = coalesce($4, reject_reason),
       last_error = CASE WHEN $5::boolean THEN $6 ELSE last_error END,
       attempts = attempts + CASE WHEN $7::boolean THEN 1 ELSE 0 END
     WHERE id = $1`,
    [refund.id, to, now, set.rejectReason ?? null, set.lastError !== undefined, set.lastError ?? null, set.attemptsPlusOne ?? false],
  );
  await recordRefundStep(client, refund, actor, { ...step, from: refund.state, to }, now);
  const template = set.notice ?? NOTICE_OF[to];
  // A retry is not news to the resident, nor is its failure: the first attempt and failure are.
  const repeat = (to === 'refunding' && refund.state === 'failed') || (to === 'failed' && refund.attempts > 1);
  if (template && !repeat) {
    await enqueueRefundNotice(client, {
      refundId: refund.id,
      template,
      params: { amount: formatMoney(refund.amountFen), ...(set.rejectReason ? { message: set.rejectReason } : {}) },
    });
  }
  refund.state = to;
  if (set.attemptsPlusOne) refund.attempts += 1;
}
