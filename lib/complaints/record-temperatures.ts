import { recordAudit } from '@/lib/audit/record';
import { withTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors/app-error';
import { lockWorkOrder, type Actor } from './actor';
import { appendEvent } from './events';
import { enqueueNotice } from './notices';
import { shanghaiDay } from './shanghai';

/**
 * Measured indoor temperatures per room and date: the evidence for a substandard-heating refund.
 * A second reading of the same room on the same date replaces the first (and the timeline keeps
 * both). The first reading meets the temperature-test promise.
 */
export interface Reading {
  room: string;
  /** YYYY-MM-DD */
  measuredOn: string;
  /** °C, one decimal, as text so it stays exact. */
  celsius: string;
}

export async function recordTemperatures(
  request: { workOrderId: string; actor: Extract<Actor, { kind: 'STAFF' }>; readings: Reading[] },
  now: Date,
): Promise<void> {
  if (request.readings.length === 0) throw new AppError('invalid_input', 'readings');
  for (const r of request.readings) {
    const c = Number(r.celsius);
    if (!/^-?\d{1,2}(\.\d)?$/.test(r.celsius) || c < -30 || c > 45) throw new AppError('invalid_input', 'celsius');
    if (r.measuredOn > shanghaiDay(now)) throw new AppError('invalid_input', 'measuredOn');
  }
  await withTransaction(async (client) => {
    const order = await lockWorkOrder(client, request.workOrderId, request.actor);
    // Readings are evidence for one household's refund: an incident has no rooms to measure.
    if (order.complaint_id === null) throw new AppError('invalid_transition', 'temperature on an incident order');
    const complaintId = order.complaint_id;
    if (order.state === 'OPEN' || order.state === 'CLOSED' || order.state === 'REOPENED') {
      throw new AppError('invalid_transition', `temperature in ${order.state}`);
    }
    for (const r of request.readings) {
      await client.query(
        `INSERT INTO temperature_reading (complaint_id, room, measured_on, celsius, recorded_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (complaint_id, room, measured_on) DO UPDATE
           SET celsius = EXCLUDED.celsius, recorded_by = EXCLUDED.recorded_by, created_at = EXCLUDED.created_at`,
        [complaintId, r.room, r.measuredOn, r.celsius, request.actor.staffId, now],
      );
    }
    await client.query(
      `UPDATE work_order SET temperature_tested_at = coalesce(temperature_tested_at, $2), updated_at = $2 WHERE id = $1`,
      [order.id, now],
    );
    await appendEvent(
      client,
      {
        workOrderId: order.id,
        actorKind: 'STAFF',
        actorId: request.actor.staffId,
        kind: 'temperature',
        visibility: 'PUBLIC',
        data: { readings: request.readings },
      },
      now,
    );
    await recordAudit(
      {
        actorKind: 'STAFF',
        actorId: request.actor.staffId,
        utilityId: order.utility_id,
        action: 'work_order.temperature',
        entity: 'work_order',
        entityId: order.id,
        ip: request.actor.ip,
        detail: { readings: request.readings },
      },
      now,
      client,
    );
    await enqueueNotice(client, { complaintId, template: 'temperature_recorded', params: {} });
  });
}
