import { recordAudit } from '@/lib/audit/record';
import { withTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors/app-error';
import { lockWorkOrder, type Actor } from './actor';
import { appendEvent } from './events';
import { incidentSubject, notifyIncidentMembers } from './incident-work-order';
import { enqueueNotice } from './notices';

/**
 * A staff message on the resident's timeline (or, internal, only on the staff's). A first public
 * reply counts as the response the resident was promised. On an incident's order, a public reply
 * is sent to every resident attached to the incident.
 */
export const REPLY_MAX = 1000;

export async function replyToResident(
  request: { workOrderId: string; actor: Extract<Actor, { kind: 'STAFF' }>; message: string; internal?: boolean },
  now: Date,
): Promise<void> {
  const message = request.message.trim();
  if (message.length === 0 || message.length > REPLY_MAX) throw new AppError('invalid_input', 'message');
  await withTransaction(async (client) => {
    const order = await lockWorkOrder(client, request.workOrderId, request.actor);
    if (order.state === 'CLOSED') throw new AppError('invalid_transition', 'reply to a closed order');
    const visibility = request.internal ? 'INTERNAL' : 'PUBLIC';
    if (visibility === 'PUBLIC') {
      await client.query(`UPDATE work_order SET responded_at = coalesce(responded_at, $2), updated_at = $2 WHERE id = $1`, [order.id, now]);
    }
    await appendEvent(
      client,
      { workOrderId: order.id, actorKind: 'STAFF', actorId: request.actor.staffId, kind: request.internal ? 'note' : 'reply', visibility, message },
      now,
    );
    await recordAudit(
      {
        actorKind: 'STAFF',
        actorId: request.actor.staffId,
        utilityId: order.utility_id,
        action: request.internal ? 'work_order.note' : 'work_order.reply',
        entity: 'work_order',
        entityId: order.id,
        ip: request.actor.ip,
      },
      now,
      client,
    );
    if (visibility === 'PUBLIC') {
      // An incident's public reply goes to every resident attached to it.
      if (order.complaint_id) await enqueueNotice(client, { complaintId: order.complaint_id, template: 'reply', params: { message } });
      else if (order.incident_id) await notifyIncidentMembers(client, order.incident_id, 'incident_update', { subject: await incidentSubject(client, order.incident_id), message });
    }
  });
}
