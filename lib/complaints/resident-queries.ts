import { pool } from '@/lib/db/client';
import type { Problem } from './fields';
import type { ClockInput } from './sla';
import type { WorkOrderState } from './state-machine';

/**
 * What a resident sees of complaints: only those on accounts bound to them (whoever of the
 * household filed it). Anything else is simply not found.
 */
export interface ComplaintSummary {
  id: string;
  number: number;
  problem: Problem;
  accountNo: string;
  state: WorkOrderState;
  createdAt: Date;
}

export interface PublicEvent {
  at: Date;
  kind: string;
  toState: WorkOrderState | null;
  message: string | null;
  data: Record<string, unknown> | null;
}

export interface ComplaintDetail extends ComplaintSummary {
  workOrderId: string;
  address: string;
  rooms: string[];
  indoorCelsius: string | null;
  sinceDate: string | null;
  description: string;
  preferredVisits: string[];
  visitAt: Date | null;
  clocks: ClockInput;
  servicePromise: unknown;
  events: PublicEvent[];
  readings: { room: string; measuredOn: string; celsius: string }[];
}

export async function listMyComplaints(residentId: string): Promise<ComplaintSummary[]> {
  const { rows } = await pool().query<{ id: string; number: number; problem: Problem; account_no: string; state: WorkOrderState; created_at: Date }>(
    `SELECT c.id, c.number, c.problem, a.account_no, w.state, c.created_at
     FROM complaint c
     JOIN resident_account ra ON ra.account_id = c.account_id AND ra.resident_id = $1
     JOIN heating_account a ON a.id = c.account_id
     JOIN work_order w ON w.complaint_id = c.id
     ORDER BY c.created_at DESC
     LIMIT 100`,
    [residentId],
  );
  return rows.map((r) => ({ id: r.id, number: r.number, problem: r.problem, accountNo: r.account_no, state: r.state, createdAt: r.created_at }));
}

interface DetailRow {
  id: string;
  number: number;
  problem: Problem;
  account_no: string;
  address: string;
  state: WorkOrderState;
  created_at: Date;
  work_order_id: string;
  rooms: string[];
  indoor_celsius: string | null;
  since_date: string | null;
  description: string;
  preferred_visits: string[];
  visit_at: Date | null;
  clocks_started_at: Date;
  response_due_at: Date;
  temperature_due_at: Date;
  fix_due_at: Date;
  responded_at: Date | null;
  temperature_tested_at: Date | null;
  resolved_at: Date | null;
  service_promise: unknown;
}

export async function getMyComplaint(residentId: string, complaintId: string): Promise<ComplaintDetail | null> {
  const { rows } = await pool().query<DetailRow>(
    `SELECT c.id, c.number, c.problem, a.account_no, a.address, w.state, c.created_at, w.id AS work_order_id, c.rooms,
            c.indoor_celsius::text AS indoor_celsius, to_char(c.since_date, 'YYYY-MM-DD') AS since_date, c.description,
            c.preferred_visits, w.visit_at, w.clocks_started_at, w.response_due_at, w.temperature_due_at, w.fix_due_at,
            w.responded_at, w.temperature_tested_at, w.resolved_at, u.service_promise
     FROM complaint c
     JOIN resident_account ra ON ra.account_id = c.account_id AND ra.resident_id = $1
     JOIN heating_account a ON a.id = c.account_id
     JOIN utility u ON u.id = c.utility_id
     JOIN work_order w ON w.complaint_id = c.id
     WHERE c.id = $2`,
    [residentId, complaintId],
  );
  const r = rows[0];
  if (!r) return null;
  const [events, readings] = await Promise.all([
    pool().query<{ at: Date; kind: string; to_state: WorkOrderState | null; message: string | null; data: Record<string, unknown> | null }>(
      `SELECT at, kind, to_state, message, data FROM work_order_event
       WHERE work_order_id = $1 AND visibility = 'PUBLIC' ORDER BY at, id`,
      [r.work_order_id],
    ),
    readingsOf(r.id),
  ]);
  return {
    id: r.id,
    number: r.number,
    problem: r.problem,
    accountNo: r.account_no,
    address: r.address,
    state: r.state,
    createdAt: r.created_at,
    workOrderId: r.work_order_id,
    rooms: r.rooms,
    indoorCelsius: r.indoor_celsius,
    sinceDate: r.since_date,
    description: r.description,
    preferredVisits: r.preferred_visits,
    visitAt: r.visit_at,
    clocks: {
      startedAt: r.clocks_started_at,
      responseDueAt: r.response_due_at,
      temperatureDueAt: r.temperature_due_at,
      fixDueAt: r.fix_due_at,
      respondedAt: r.responded_at,
      temperatureTestedAt: r.temperature_tested_at,
      resolvedAt: r.resolved_at,
    },
    servicePromise: r.service_promise,
    events: events.rows.map((e) => ({ at: e.at, kind: e.kind, toState: e.to_state, message: e.message, data: e.data })),
    readings,
  };
}

export async function readingsOf(complaintId: string): Promise<{ room: string; measuredOn: string; celsius: string }[]> {
  const { rows } = await pool().query<{ room: string; measured_on: string; celsius: string }>(
    `SELECT room, to_char(measured_on, 'YYYY-MM-DD') AS measured_on, celsius::text AS celsius
     FROM temperature_reading WHERE complaint_id = $1 ORDER BY measured_on, room`,
    [complaintId],
  );
  return rows.map((r) => ({ room: r.room, measuredOn: r.measured_on, celsius: r.celsius }));
}
