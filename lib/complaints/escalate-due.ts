import { recordAudit } from '@/lib/audit/record';
import { pool } from '@/lib/db/client';
import { withTransaction } from '@/lib/db/transaction';
import { appendEvent } from './events';
import { parseComplaintPromise } from './promise';
import { runningClocks, type Clock } from './sla';

/**
 * The background sweep (every minute): an order whose next clock is due soon is escalated to the
 * supervisors once; a clock that ran out is marked breached once (and escalates too). Every update
 * is guarded by the column it sets, so overlapping sweeps change nothing twice.
 */
const BATCH = 2000;

const BREACH_COLUMN: Record<Clock, string> = {
  response: 'response_breached_at',
  temperature: 'temperature_breached_at',
  fix: 'fix_breached_at',
};
const MET_COLUMN: Record<Clock, string> = { response: 'responded_at', temperature: 'temperature_tested_at', fix: 'resolved_at' };

interface Row {
  id: string;
  utility_id: string;
  service_promise: unknown;
  clocks_started_at: Date;
  response_due_at: Date;
  temperature_due_at: Date;
  fix_due_at: Date;
  responded_at: Date | null;
  temperature_tested_at: Date | null;
  resolved_at: Date | null;
  escalated_at: Date | null;
  response_breached_at: Date | null;
  temperature_breached_at: Date | null;
  fix_breached_at: Date | null;
}

export interface SweepResult {
  escalated: number;
  breached: number;
}

export async function escalateDue(now: Date): Promise<SweepResult> {
  const { rows } = await pool().query<Row>(
    `SELECT w.id, w.utility_id, u.service_promise, w.clocks_started_at, w.response_due_at, w.temperature_due_at, w.fix_due_at,
            w.responded_at, w.temperature_tested_at, w.resolved_at, w.escalated_at,
            w.response_breached_at, w.temperature_breached_at, w.fix_breached_at
     FROM work_order w JOIN utility u ON u.id = w.utility_id
     WHERE w.state NOT IN ('RESOLVED', 'CLOSED')
       AND (w.escalated_at IS NULL
         OR (w.responded_at IS NULL AND w.response_breached_at IS NULL AND w.response_due_at < $1)
         OR (w.temperature_tested_at IS NULL AND w.temperature_breached_at IS NULL AND w.temperature_due_at < $1)
         OR (w.fix_breached_at IS NULL AND w.fix_due_at < $1))
     ORDER BY w.response_due_at
     LIMIT ${BATCH}`,
    [now],
  );
  const result: SweepResult = { escalated: 0, breached: 0 };
  for (const row of rows) {
    const promise = parseComplaintPromise(row.service_promise);
    const clocks = runningClocks(
      {
        startedAt: row.clocks_started_at,
        responseDueAt: row.response_due_at,
        temperatureDueAt: row.temperature_due_at,
        fixDueAt: row.fix_due_at,
        respondedAt: row.responded_at,
        temperatureTestedAt: row.temperature_tested_at,
        resolvedAt: row.resolved_at,
      },
      now,
      promise,
    );
    for (const clock of clocks) {
      if (clock.status === 'breached' && row[BREACH_COLUMN[clock.clock] as keyof Row] === null) {
        if (await markBreach(row, clock.clock, clock.dueAt, now)) result.breached += 1;
      }
    }
    const pressing = clocks.find((c) => c.status !== 'running');
    if (pressing && row.escalated_at === null && (await escalate(row, pressing.clock, pressing.dueAt, now))) result.escalated += 1;
  }
  return result;
}

async function markBreach(row: Row, clock: Clock, dueAt: Date, now: Date): Promise<boolean> {
  return withTransaction(async (client) => {
    const { rowCount } = await client.query(
      `UPDATE work_order SET ${BREACH_COLUMN[clock]} = $2, updated_at = $2
       WHERE id = $1 AND ${BREACH_COLUMN[clock]} IS NULL AND ${MET_COLUMN[clock]} IS NULL AND state NOT IN ('RESOLVED', 'CLOSED')`,
      [row.id, now],
    );
    if (rowCount !== 1) return false;
    await appendEvent(
      client,
      { workOrderId: row.id, actorKind: 'SYSTEM', kind: 'breached', visibility: 'INTERNAL', data: { clock, dueAt: dueAt.toISOString() } },
      now,
    );
    await recordAudit(
      { actorKind: 'SYSTEM', utilityId: row.utility_id, action: 'work_order.breach', entity: 'work_order', entityId: row.id, detail: { clock } },
      now,
      client,
    );
    return true;
  });
}

async function escalate(row: Row, clock: Clock, dueAt: Date, now: Date): Promise<boolean> {
  return withTransaction(async (client) => {
    const { rowCount } = await client.query(
      `UPDATE work_order SET escalated_at = $2, updated_at = $2
       WHERE id = $1 AND escalated_at IS NULL AND state NOT IN ('RESOLVED', 'CLOSED')`,
      [row.id, now],
    );
    if (rowCount !== 1) return false;
    await appendEvent(
      client,
      { workOrderId: row.id, actorKind: 'SYSTEM', kind: 'escalated', visibility: 'INTERNAL', data: { clock, dueAt: dueAt.toISOString(), automatic: true } },
      now,
    );
    await recordAudit(
      { actorKind: 'SYSTEM', utilityId: row.utility_id, action: 'work_order.escalate', entity: 'work_order', entityId: row.id, detail: { clock } },
      now,
      client,
    );
    return true;
  });
}
