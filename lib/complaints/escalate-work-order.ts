import { recordAudit } from '@/lib/audit/record';
import { withTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors/app-error';
import { lockWorkOrder, type Actor } from './actor';
import { appendEvent } from './events';
import { isActive } from './state-machine';

/** An agent hands an order up to the supervisors (it then shows on their dashboard). */
export async function escalateWorkOrder(
  request: { workOrderId: string; actor: Extract<Actor, { kind: 'STAFF' }>; reason: string },
  now: Date,
): Promise<void> {
  const reason = request.reason.trim();
  if (reason.length === 0 || reason.length > 500) throw new AppError('invalid_input', 'reason');
  await withTransaction(async (client) => {
    const order = await lockWorkOrder(client, request.workOrderId, request.actor);
    if (!isActive(order.state)) throw new AppError('invalid_transition', `escalate in ${order.state}`);
    await client.query(`UPDATE work_order SET escalated_at = $2, updated_at = $2 WHERE id = $1`, [order.id, now]);
    await appendEvent(
      client,
      { workOrderId: order.id, actorKind: 'STAFF', actorId: request.actor.staffId, kind: 'escalated', visibility: 'INTERNAL', message: reason },
      now,
    );
    await recordAudit(
      {
        actorKind: 'STAFF',
        actorId: request.actor.staffId,
        utilityId: order.utility_id,
        action: 'work_order.escalate',
        entity: 'work_order',
        entityId: order.id,
        ip: request.actor.ip,
        detail: { reason },
      },
      now,
      client,
    );
  });
}
