import type pg from 'pg';
import { recordAudit } from '@/lib/audit/record';
import { enqueue } from '@/lib/jobs/boss';
import type { NoticeTemplate } from '@/lib/notify/notifier';
import type { Actor } from './actor';
import { appendEvent } from './events';
import { incidentPriority } from './priority';
import { parseComplaintPromise } from './promise';
import { deadlinesFrom } from './sla';

/**
 * An incident is worked as one work order of kind INCIDENT in the agents' queue: opened in the
 * transaction that opens the incident (so exactly one per incident, the incident insert being
 * unique), with the utility's SLA clocks, and resolving it resolves the incident.
 */
export async function openIncidentWorkOrder(
  client: pg.PoolClient,
  incident: { id: string; utilityId: string; kind: 'TERM_SURGE' | 'STATION_OUTAGE' },
  now: Date,
): Promise<string> {
  const { rows: utility } = await client.query<{ service_promise: unknown }>(`SELECT service_promise FROM utility WHERE id = $1`, [incident.utilityId]);
  const d = deadlinesFrom(now, parseComplaintPromise(utility[0]?.service_promise));
  // No room is measured for an incident: its temperature clock runs with the fix clock, so it
  // never falls due on its own.
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO work_order (utility_id, kind, incident_id, state, priority, response_due_at, temperature_due_at, fix_due_at,
                             clocks_started_at, created_at, updated_at)
     VALUES ($1, 'INCIDENT', $2, 'OPEN', $3, $4, $5, $5, $6, $6, $6) RETURNING id`,
    [incident.utilityId, incident.id, incidentPriority(incident.kind), d.responseDueAt, d.fixDueAt, now],
  );
  const workOrderId = rows[0]!.id;
  await appendEvent(
    client,
    { workOrderId, actorKind: 'SYSTEM', kind: 'incident_opened', toState: 'OPEN', visibility: 'INTERNAL', data: { incidentId: incident.id, kind: incident.kind } },
    now,
  );
  return workOrderId;
}

/** Notices to the residents attached to an incident ("me too" or counted in the outage). */
export const INCIDENT_NOTIFY_JOB = 'complaints.notify-incident';

export interface IncidentNoticeJob {
  incidentId: string;
  residentId: string;
  /** The complaint that attached them, whose contact phone is used; else the resident's own phone. */
  complaintId: string | null;
  template: NoticeTemplate;
  params: Record<string, string>;
}

export async function notifyIncidentMembers(
  client: pg.PoolClient,
  incidentId: string,
  template: NoticeTemplate,
  params: Record<string, string>,
): Promise<number> {
  // One notice per resident, even with several accounts attached.
  const { rows } = await client.query<{ resident_id: string; complaint_id: string | null }>(
    `SELECT DISTINCT ON (resident_id) resident_id, complaint_id FROM incident_member
     WHERE incident_id = $1 ORDER BY resident_id, complaint_id NULLS LAST`,
    [incidentId],
  );
  for (const r of rows) {
    const job: IncidentNoticeJob = { incidentId, residentId: r.resident_id, complaintId: r.complaint_id, template, params };
    await enqueue(INCIDENT_NOTIFY_JOB, job, { retryLimit: 5 }, client);
  }
  return rows.length;
}

/** How notices name an incident: its station, or the term that surged. */
export async function incidentSubject(client: pg.PoolClient, incidentId: string): Promise<string> {
  const { rows } = await client.query<{ subject: string | null }>(
    `SELECT coalesce(s.name, i.term) AS subject FROM incident i LEFT JOIN station s ON s.id = i.station_id WHERE i.id = $1`,
    [incidentId],
  );
  return rows[0]?.subject ?? '';
}

/** The incident behind a resolved incident work order is resolved with it; its station notice goes away. */
export async function resolveIncidentOfOrder(
  client: pg.PoolClient,
  order: { id: string; utility_id: string; incident_id: string | null },
  input: { actor: Actor; actorId: string | null; ip: string | null; message: string },
  now: Date,
): Promise<void> {
  if (!order.incident_id) return;
  const { rows } = await client.query<{ term: string | null; station_name: string | null }>(
    `UPDATE incident SET status = 'RESOLVED', resolved_at = $2 WHERE id = $1 AND status = 'OPEN'
     RETURNING term, (SELECT name FROM station WHERE station.id = incident.station_id) AS station_name`,
    [order.incident_id, now],
  );
  const resolved = rows[0];
  if (!resolved) return;
  await recordAudit(
    {
      actorKind: input.actor.kind,
      actorId: input.actorId,
      utilityId: order.utility_id,
      action: 'incident.resolve',
      entity: 'incident',
      entityId: order.incident_id,
      ip: input.ip,
      detail: { workOrderId: order.id },
    },
    now,
    client,
  );
  const subject = resolved.station_name ?? resolved.term ?? '';
  await notifyIncidentMembers(client, order.incident_id, 'incident_resolved', { subject, message: input.message });
}
