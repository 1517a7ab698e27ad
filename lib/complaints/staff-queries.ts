import { pool } from '@/lib/db/client';
import { env } from '@/lib/env';
import { decryptField } from '@/lib/privacy/field-crypto';
import type { Problem } from './fields';
import { readingsOf } from './resident-queries';
import type { WorkOrderState } from './state-machine';

/** What staff see: always only their own utility's work (every query filters by utilityId). */
export interface QueueItem {
  id: string;
  /** A complaint's order, or an incident's (a term surge or a station outage) worked as a whole. */
  kind: 'COMPLAINT' | 'INCIDENT';
  /** The complaint's number; null for an incident's order. */
  number: number | null;
  problem: Problem | null;
  incident: { kind: 'TERM_SURGE' | 'STATION_OUTAGE'; term: string | null } | null;
  priority: 'URGENT' | 'HIGH' | 'NORMAL';
  state: WorkOrderState;
  address: string | null;
  stationName: string | null;
  assigneeName: string | null;
  /** The deadline that runs out next (null once resolved). */
  nextDueAt: Date | null;
  escalated: boolean;
  breached: boolean;
  createdAt: Date;
}

// LEAST skips NULLs: the earliest deadline not yet met.
const NEXT_DUE = `CASE WHEN w.state IN ('RESOLVED', 'CLOSED') THEN NULL ELSE LEAST(
  CASE WHEN w.responded_at IS NULL THEN w.response_due_at END,
  CASE WHEN w.temperature_tested_at IS NULL THEN w.temperature_due_at END,
  w.fix_due_at) END`;

export type QueueFilter = 'active' | 'mine' | 'escalated' | 'done';

export async function workOrderQueue(staff: { utilityId: string; staffId: string }, filter: QueueFilter = 'active'): Promise<QueueItem[]> {
  const where = {
    active: `w.state NOT IN ('RESOLVED', 'CLOSED')`,
    mine: `w.state NOT IN ('RESOLVED', 'CLOSED') AND w.assignee_id = $2`,
    escalated: `w.state NOT IN ('RESOLVED', 'CLOSED') AND w.escalated_at IS NOT NULL`,
    done: `w.state IN ('RESOLVED', 'CLOSED')`,
  }[filter];
  const { rows } = await pool().query<{
    id: string; kind: QueueItem['kind']; number: number | null; problem: Problem | null; incident_kind: 'TERM_SURGE' | 'STATION_OUTAGE' | null;
    term: string | null; priority: QueueItem['priority']; state: WorkOrderState; address: string | null; station_name: string | null;
    assignee_name: string | null; next_due_at: Date | null; escalated: boolean; breached: boolean; created_at: Date;
  }>(
    `SELECT w.id, w.kind, c.number, c.problem, i.kind AS incident_kind, i.term, w.priority, w.state, a.address, s.name AS station_name,
            st.name AS assignee_name, ${NEXT_DUE} AS next_due_at, w.escalated_at IS NOT NULL AS escalated,
            (w.response_breached_at IS NOT NULL OR w.temperature_breached_at IS NOT NULL OR w.fix_breached_at IS NOT NULL) AS breached,
            w.created_at
     FROM work_order w
     LEFT JOIN complaint c ON c.id = w.complaint_id
     LEFT JOIN heating_account a ON a.id = c.account_id
     LEFT JOIN incident i ON i.id = w.incident_id
     LEFT JOIN station s ON s.id = coalesce(c.station_id, i.station_id)
     LEFT JOIN staff st ON st.id = w.assignee_id
     WHERE w.utility_id = $1 AND ${where}
     ORDER BY ${filter === 'done' ? 'w.updated_at DESC' : `next_due_at ASC NULLS LAST, CASE w.priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 ELSE 2 END, w.created_at`}
     LIMIT 200`,
    filter === 'mine' ? [staff.utilityId, staff.staffId] : [staff.utilityId],
  );
  return rows.map((r) => ({
    id: r.id, kind: r.kind, number: r.number, problem: r.problem,
    incident: r.incident_kind ? { kind: r.incident_kind, term: r.term } : null,
    priority: r.priority, state: r.state, address: r.address, stationName: r.station_name, assigneeName: r.assignee_name,
    nextDueAt: r.next_due_at, escalated: r.escalated, breached: r.breached, createdAt: r.created_at,
  }));
}

export interface StaffEvent {
  at: Date;
  kind: string;
  visibility: 'PUBLIC' | 'INTERNAL';
  actorKind: 'RESIDENT' | 'STAFF' | 'SYSTEM';
  actorName: string | null;
  toState: WorkOrderState | null;
  message: string | null;
  data: Record<string, unknown> | null;
}

export interface StaffWorkOrder extends QueueItem {
  number: number;
  problem: Problem;
  address: string;
  stationName: string;
  complaintId: string;
  accountNo: string;
  holderName: string;
  contactPhone: string;
  rooms: string[];
  indoorCelsius: string | null;
  sinceDate: string | null;
  description: string;
  preferredVisits: string[];
  hotwords: { term: string; category: string; severity: number }[];
  category: string | null;
  assigneeId: string | null;
  visitAt: Date | null;
  responseDueAt: Date;
  respondedAt: Date | null;
  events: StaffEvent[];
  readings: { room: string; measuredOn: string; celsius: string }[];
}

export async function staffWorkOrder(utilityId: string, workOrderId: string): Promise<StaffWorkOrder | null> {
  const { rows } = await pool().query<{
    id: string; number: number; problem: Problem; priority: QueueItem['priority']; state: WorkOrderState; address: string;
    station_name: string; assignee_name: string | null; assignee_id: string | null; next_due_at: Date | null; escalated: boolean;
    breached: boolean; created_at: Date; complaint_id: string; account_no: string; holder_name: string; contact_phone_enc: string;
    rooms: string[]; indoor_celsius: string | null; since_date: string | null; description: string; preferred_visits: string[];
    hotwords: { term: string; category: string; severity: number }[]; category: string | null; visit_at: Date | null;
    response_due_at: Date; responded_at: Date | null;
  }>(
    `SELECT w.id, c.number, c.problem, w.priority, w.state, a.address, s.name AS station_name, st.name AS assignee_name,
            w.assignee_id, ${NEXT_DUE} AS next_due_at, w.escalated_at IS NOT NULL AS escalated,
            (w.response_breached_at IS NOT NULL OR w.temperature_breached_at IS NOT NULL OR w.fix_breached_at IS NOT NULL) AS breached,
            c.created_at, c.id AS complaint_id, a.account_no, a.holder_name, c.contact_phone_enc, c.rooms,
            c.indoor_celsius::text AS indoor_celsius, to_char(c.since_date, 'YYYY-MM-DD') AS since_date, c.description,
            c.preferred_visits, c.hotwords, c.category, w.visit_at, w.response_due_at, w.responded_at
     FROM work_order w
     JOIN complaint c ON c.id = w.complaint_id
     JOIN heating_account a ON a.id = c.account_id
     JOIN station s ON s.id = c.station_id
     LEFT JOIN staff st ON st.id = w.assignee_id
     WHERE w.utility_id = $1 AND w.id = $2`,
    [utilityId, workOrderId],
  );
  const r = rows[0];
  if (!r) return null;
  const [events, readings] = await Promise.all([workOrderEvents(r.id), readingsOf(r.complaint_id)]);
  return {
    id: r.id, number: r.number, problem: r.problem, priority: r.priority, state: r.state, address: r.address,
    stationName: r.station_name, assigneeName: r.assignee_name, nextDueAt: r.next_due_at, escalated: r.escalated,
    breached: r.breached, createdAt: r.created_at, kind: 'COMPLAINT', incident: null, complaintId: r.complaint_id, accountNo: r.account_no,
    holderName: r.holder_name, contactPhone: decryptField(r.contact_phone_enc, env().piiKeyring), rooms: r.rooms,
    indoorCelsius: r.indoor_celsius, sinceDate: r.since_date, description: r.description, preferredVisits: r.preferred_visits,
    hotwords: r.hotwords, category: r.category, assigneeId: r.assignee_id, visitAt: r.visit_at,
    responseDueAt: r.response_due_at, respondedAt: r.responded_at,
    events,
    readings,
  };
}

/** A work order's whole timeline, internal entries included (staff only). */
export async function workOrderEvents(workOrderId: string): Promise<StaffEvent[]> {
  const { rows } = await pool().query<{ at: Date; kind: string; visibility: 'PUBLIC' | 'INTERNAL'; actor_kind: StaffEvent['actorKind']; actor_name: string | null; to_state: WorkOrderState | null; message: string | null; data: Record<string, unknown> | null }>(
    `SELECT e.at, e.kind, e.visibility, e.actor_kind, st.name AS actor_name, e.to_state, e.message, e.data
     FROM work_order_event e LEFT JOIN staff st ON st.id = e.actor_id AND e.actor_kind = 'STAFF'
     WHERE e.work_order_id = $1 ORDER BY e.at, e.id`,
    [workOrderId],
  );
  return rows.map((e) => ({
    at: e.at, kind: e.kind, visibility: e.visibility, actorKind: e.actor_kind, actorName: e.actor_name, toState: e.to_state,
    message: e.message, data: e.data,
  }));
}

export async function queueCounts(utilityId: string): Promise<{ open: number; escalated: number; breached: number }> {
  const { rows } = await pool().query<{ open: number; escalated: number; breached: number }>(
    `SELECT count(*)::int AS open,
            count(*) FILTER (WHERE escalated_at IS NOT NULL)::int AS escalated,
            count(*) FILTER (WHERE response_breached_at IS NOT NULL OR temperature_breached_at IS NOT NULL OR fix_breached_at IS NOT NULL)::int AS breached
     FROM work_order WHERE utility_id = $1 AND state NOT IN ('RESOLVED', 'CLOSED')`,
    [utilityId],
  );
  return rows[0] ?? { open: 0, escalated: 0, breached: 0 };
}
