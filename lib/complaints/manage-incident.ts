import { recordAudit } from '@/lib/audit/record';
import { pool } from '@/lib/db/client';
import { withTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors/app-error';
import type { Actor } from './actor';

/**
 * Supervisors set the expected repair time residents see. An incident is resolved through its
 * work order (incident-work-order.ts); only one opened before incidents had orders is resolved here.
 */
type Staff = Extract<Actor, { kind: 'STAFF' }>;

export interface IncidentView {
  id: string;
  kind: 'TERM_SURGE' | 'STATION_OUTAGE';
  status: 'OPEN' | 'RESOLVED';
  term: string | null;
  day: string | null;
  stationName: string | null;
  triggerCount: number;
  threshold: number;
  mentionsToday: number | null;
  members: number;
  openedAt: Date;
  expectedFixAt: Date | null;
  resolvedAt: Date | null;
  /** The incident's work order in the agents' queue (incidents opened before they had one: null). */
  workOrderId: string | null;
}

/** Open incidents, and those of the last week for context. */
export async function listIncidents(utilityId: string, now: Date): Promise<IncidentView[]> {
  const since = new Date(now.getTime() - 7 * 86_400_000);
  const { rows } = await pool().query<{
    id: string; kind: IncidentView['kind']; status: IncidentView['status']; term: string | null; day: string | null;
    station_name: string | null; trigger_count: number; threshold: number; mentions: number | null; members: number;
    opened_at: Date; expected_fix_at: Date | null; resolved_at: Date | null; work_order_id: string | null;
  }>(
    `SELECT i.id, i.kind, i.status, i.term, to_char(i.day, 'YYYY-MM-DD') AS day, s.name AS station_name, i.trigger_count,
            i.threshold, mc.count AS mentions, (SELECT count(*)::int FROM incident_member m WHERE m.incident_id = i.id) AS members,
            i.opened_at, i.expected_fix_at, i.resolved_at, w.id AS work_order_id
     FROM incident i
     LEFT JOIN work_order w ON w.incident_id = i.id
     LEFT JOIN station s ON s.id = i.station_id
     LEFT JOIN mention_count mc ON mc.utility_id = i.utility_id AND mc.term = i.term AND mc.day = i.day
     WHERE i.utility_id = $1 AND (i.status = 'OPEN' OR i.opened_at > $2)
     ORDER BY i.status, i.opened_at DESC
     LIMIT 100`,
    [utilityId, since],
  );
  return rows.map((r) => ({
    id: r.id, kind: r.kind, status: r.status, term: r.term, day: r.day, stationName: r.station_name,
    triggerCount: r.trigger_count, threshold: r.threshold, mentionsToday: r.mentions, members: r.members,
    openedAt: r.opened_at, expectedFixAt: r.expected_fix_at, resolvedAt: r.resolved_at, workOrderId: r.work_order_id,
  }));
}

export async function updateIncident(
  input: { incidentId: string; actor: Staff; resolve?: boolean; expectedFixAt?: Date },
  now: Date,
): Promise<void> {
  if (input.expectedFixAt && input.expectedFixAt.getTime() < now.getTime()) throw new AppError('invalid_input', 'expectedFixAt');
  await withTransaction(async (client) => {
    const { rows } = await client.query<{ status: string }>(
      `SELECT status FROM incident WHERE id = $1 AND utility_id = $2 FOR UPDATE`,
      [input.incidentId, input.actor.utilityId],
    );
    const incident = rows[0];
    if (!incident) throw new AppError('not_found', 'incident');
    if (incident.status !== 'OPEN') throw new AppError('invalid_transition', 'incident already resolved');
    if (input.resolve) {
      const order = await client.query(`SELECT 1 FROM work_order WHERE incident_id = $1`, [input.incidentId]);
      if (order.rowCount) throw new AppError('invalid_transition', 'resolve the incident through its work order');
      await client.query(`UPDATE incident SET status = 'RESOLVED', resolved_at = $2 WHERE id = $1`, [input.incidentId, now]);
    } else if (input.expectedFixAt) {
      await client.query(`UPDATE incident SET expected_fix_at = $2 WHERE id = $1`, [input.incidentId, input.expectedFixAt]);
    } else {
      throw new AppError('invalid_input', 'nothing to change');
    }
    await recordAudit(
      {
        actorKind: 'STAFF',
        actorId: input.actor.staffId,
        utilityId: input.actor.utilityId,
        action: input.resolve ? 'incident.resolve' : 'incident.expected_fix',
        entity: 'incident',
        entityId: input.incidentId,
        ip: input.actor.ip,
        detail: input.expectedFixAt ? { expectedFixAt: input.expectedFixAt.toISOString() } : undefined,
      },
      now,
      client,
    );
  });
}
