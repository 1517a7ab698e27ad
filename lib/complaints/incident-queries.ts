import { pool } from '@/lib/db/client';
import { workOrderEvents, type QueueItem, type StaffEvent } from './staff-queries';
import type { WorkOrderState } from './state-machine';

/** An incident's work order as staff of its utility see it. */
export interface StaffIncidentOrder {
  id: string;
  incidentId: string;
  incidentKind: 'TERM_SURGE' | 'STATION_OUTAGE';
  incidentStatus: 'OPEN' | 'RESOLVED';
  term: string | null;
  day: string | null;
  stationName: string | null;
  triggerCount: number;
  threshold: number;
  members: number;
  expectedFixAt: Date | null;
  priority: QueueItem['priority'];
  state: WorkOrderState;
  assigneeName: string | null;
  nextDueAt: Date | null;
  escalated: boolean;
  createdAt: Date;
  events: StaffEvent[];
}

export async function staffIncidentOrder(utilityId: string, workOrderId: string): Promise<StaffIncidentOrder | null> {
  const { rows } = await pool().query<{
    id: string; incident_id: string; incident_kind: StaffIncidentOrder['incidentKind']; incident_status: StaffIncidentOrder['incidentStatus'];
    term: string | null; day: string | null; station_name: string | null; trigger_count: number; threshold: number; members: number;
    expected_fix_at: Date | null; priority: QueueItem['priority']; state: WorkOrderState; assignee_name: string | null;
    next_due_at: Date | null; escalated: boolean; created_at: Date;
  }>(
    `SELECT w.id, i.id AS incident_id, i.kind AS incident_kind, i.status AS incident_status, i.term, to_char(i.day, 'YYYY-MM-DD') AS day,
            s.name AS station_name, i.trigger_count, i.threshold,
            (SELECT count(*)::int FROM incident_member m WHERE m.incident_id = i.id) AS members, i.expected_fix_at,
            w.priority, w.state, st.name AS assignee_name,
            CASE WHEN w.state IN ('RESOLVED', 'CLOSED') THEN NULL ELSE LEAST(CASE WHEN w.responded_at IS NULL THEN w.response_due_at END, w.fix_due_at) END AS next_due_at,
            w.escalated_at IS NOT NULL AS escalated, w.created_at
     FROM work_order w
     JOIN incident i ON i.id = w.incident_id
     LEFT JOIN station s ON s.id = i.station_id
     LEFT JOIN staff st ON st.id = w.assignee_id
     WHERE w.utility_id = $1 AND w.id = $2 AND w.kind = 'INCIDENT'`,
    [utilityId, workOrderId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id, incidentId: r.incident_id, incidentKind: r.incident_kind, incidentStatus: r.incident_status, term: r.term, day: r.day,
    stationName: r.station_name, triggerCount: r.trigger_count, threshold: r.threshold, members: r.members,
    expectedFixAt: r.expected_fix_at, priority: r.priority, state: r.state, assigneeName: r.assignee_name,
    nextDueAt: r.next_due_at, escalated: r.escalated, createdAt: r.created_at, events: await workOrderEvents(r.id),
  };
}
