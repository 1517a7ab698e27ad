import { pool } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { parseComplaintPromise } from './promise';
import { transitionWorkOrder } from './transition-work-order';

/** A resolved order the resident neither confirmed nor reopened closes after the utility's autoCloseDays. */
export async function closeResolved(now: Date): Promise<number> {
  const { rows } = await pool().query<{ id: string; resolved_at: Date; service_promise: unknown }>(
    `SELECT w.id, w.resolved_at, u.service_promise FROM work_order w JOIN utility u ON u.id = w.utility_id
     WHERE w.state = 'RESOLVED' AND w.resolved_at < $1 LIMIT 1000`,
    [new Date(now.getTime() - 86_400_000)],
  );
  let closed = 0;
  for (const row of rows) {
    const days = parseComplaintPromise(row.service_promise).autoCloseDays;
    if (row.resolved_at.getTime() > now.getTime() - days * 86_400_000) continue;
    try {
      await transitionWorkOrder({ workOrderId: row.id, to: 'CLOSED', actor: { kind: 'SYSTEM' } }, now);
      closed += 1;
    } catch (error) {
      // The resident reopened or closed it between the query and now: nothing left to do.
      if (!(error instanceof AppError && error.code === 'invalid_transition')) throw error;
    }
  }
  return closed;
}
