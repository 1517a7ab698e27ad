import { recordAudit } from '@/lib/audit/record';
import { withTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors/app-error';
import type { NoticeTemplate } from '@/lib/notify/notifier';
import { actorId, lockWorkOrder, type Actor, type LockedOrder } from './actor';
import { appendEvent } from './events';
import { formatShanghai } from './format';
import { resolveIncidentOfOrder } from './incident-work-order';
import { enqueueNotice } from './notices';
import { parseComplaintPromise } from './promise';
import { deadlinesFrom } from './sla';
import { canTransition, type WorkOrderState } from './state-machine';

/**
 * Moves a work order along the state machine (state-machine.ts), in one transaction with its
 * timeline entry, audit line and the resident's notice. Who may ask for which state:
 * - staff of the order's utility: acknowledged (claims it), visit scheduled, in repair, resolved;
 * - the resident: reopened ("not fixed") and closed ("fixed, thank you");
 * - the system: closed (a resolved order nobody answered).
 * An incident's order walks the same machine; resolving it resolves the incident (see
 * incident-work-order.ts).
 */
export interface TransitionRequest {
  workOrderId: string;
  to: WorkOrderState;
  actor: Actor;
  /** Public text: what was done (resolved), why (reopened), a note for the visit. */
  message?: string;
  visitAt?: Date;
}

const STAFF_TARGETS: readonly WorkOrderState[] = ['ACKNOWLEDGED', 'VISIT_SCHEDULED', 'IN_REPAIR', 'RESOLVED'];
const RESIDENT_TARGETS: readonly WorkOrderState[] = ['REOPENED', 'CLOSED'];
const SYSTEM_TARGETS: readonly WorkOrderState[] = ['CLOSED'];

const NOTICE: Partial<Record<WorkOrderState, NoticeTemplate>> = {
  ACKNOWLEDGED: 'acknowledged',
  VISIT_SCHEDULED: 'visit_scheduled',
  IN_REPAIR: 'in_repair',
  RESOLVED: 'resolved',
  REOPENED: 'reopened',
  CLOSED: 'closed',
};

function mayRequest(actor: Actor, to: WorkOrderState): boolean {
  const allowed = actor.kind === 'STAFF' ? STAFF_TARGETS : actor.kind === 'RESIDENT' ? RESIDENT_TARGETS : SYSTEM_TARGETS;
  return allowed.includes(to);
}

const MAX_VISIT_AHEAD_MS = 30 * 86_400_000;

export async function transitionWorkOrder(request: TransitionRequest, now: Date): Promise<{ state: WorkOrderState }> {
  const { to, actor } = request;
  if (!mayRequest(actor, to)) throw new AppError('forbidden', `${actor.kind} → ${to}`);
  if (to === 'RESOLVED' && !request.message?.trim()) throw new AppError('invalid_input', 'message');
  if (to === 'VISIT_SCHEDULED') {
    const at = request.visitAt?.getTime();
    if (at === undefined || at < now.getTime() || at > now.getTime() + MAX_VISIT_AHEAD_MS) throw new AppError('invalid_input', 'visitAt');
  }
  return withTransaction(async (client) => {
    const order = await lockWorkOrder(client, request.workOrderId, actor);
    if (!canTransition(order.state, to)) throw new AppError('invalid_transition', `${order.state} → ${to}`);
    const params = await applyTransition(client, order, request, now);
    await appendEvent(
      client,
      {
        workOrderId: order.id,
        actorKind: actor.kind,
        actorId: actorId(actor),
        kind: to.toLowerCase(),
        fromState: order.state,
        toState: to,
        visibility: 'PUBLIC',
        message: request.message?.trim() || null,
        data: request.visitAt ? { visitAt: request.visitAt.toISOString() } : undefined,
      },
      now,
    );
    await recordAudit(
      {
        actorKind: actor.kind,
        actorId: actorId(actor),
        utilityId: order.utility_id,
        action: `work_order.${to.toLowerCase()}`,
        entity: 'work_order',
        entityId: order.id,
        ip: actor.kind === 'SYSTEM' ? null : actor.ip,
        detail: { from: order.state, to },
      },
      now,
      client,
    );
    if (order.kind === 'INCIDENT') {
      // Resolving an incident's order resolves the incident and tells everyone attached to it.
      if (to === 'RESOLVED') {
        await resolveIncidentOfOrder(client, order, { actor, actorId: actorId(actor), ip: actor.kind === 'SYSTEM' ? null : (actor.ip ?? null), message: request.message!.trim() }, now);
      }
      return { state: to };
    }
    const template = NOTICE[to];
    // A resident who closes their own complaint needs no message about it.
    const selfClosed = actor.kind === 'RESIDENT' && to === 'CLOSED';
    if (template && !selfClosed && order.complaint_id) await enqueueNotice(client, { complaintId: order.complaint_id, template, params });
    return { state: to };
  });
}

/** The row changes of one transition; returns the values its notice needs. */
async function applyTransition(
  client: import('pg').PoolClient,
  order: LockedOrder,
  request: TransitionRequest,
  now: Date,
): Promise<Record<string, string>> {
  const { to, actor } = request;
  switch (to) {
    case 'ACKNOWLEDGED':
      await client.query(
        `UPDATE work_order SET state = $2, assignee_id = $3, responded_at = coalesce(responded_at, $4), updated_at = $4 WHERE id = $1`,
        [order.id, to, actor.kind === 'STAFF' ? actor.staffId : order.assignee_id, now],
      );
      return {};
    case 'VISIT_SCHEDULED':
      await client.query(`UPDATE work_order SET state = $2, visit_at = $3, updated_at = $4 WHERE id = $1`, [order.id, to, request.visitAt, now]);
      return { visit: formatShanghai(request.visitAt!) };
    case 'IN_REPAIR':
      await client.query(`UPDATE work_order SET state = $2, updated_at = $3 WHERE id = $1`, [order.id, to, now]);
      return {};
    case 'RESOLVED':
      await client.query(`UPDATE work_order SET state = $2, resolved_at = $3, updated_at = $3 WHERE id = $1`, [order.id, to, now]);
      return { message: request.message!.trim() };
    case 'CLOSED':
      await client.query(`UPDATE work_order SET state = $2, closed_at = $3, updated_at = $3 WHERE id = $1`, [order.id, to, now]);
      return {};
    case 'REOPENED': {
      // "Not fixed": the promises start again from now, as for a new complaint.
      const d = deadlinesFrom(now, parseComplaintPromise(order.service_promise));
      await client.query(
        `UPDATE work_order SET state = $2, reopen_count = reopen_count + 1, response_due_at = $3, temperature_due_at = $4,
           fix_due_at = $5, clocks_started_at = $6, responded_at = NULL, temperature_tested_at = NULL, resolved_at = NULL, escalated_at = NULL,
           response_breached_at = NULL, temperature_breached_at = NULL, fix_breached_at = NULL, updated_at = $6
         WHERE id = $1`,
        [order.id, to, d.responseDueAt, d.temperatureDueAt, d.fixDueAt, now],
      );
      return { due: formatShanghai(d.responseDueAt) };
    }
    default:
      throw new AppError('invalid_transition', to);
  }
}
