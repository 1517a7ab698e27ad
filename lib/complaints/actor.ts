import type pg from 'pg';
import { AppError } from '@/lib/errors/app-error';
import type { WorkOrderState } from './state-machine';

/** Who acts on a work order. Staff act only within their own utility; residents only on their accounts. */
export type Actor =
  | { kind: 'STAFF'; staffId: string; utilityId: string; name: string; ip?: string }
  | { kind: 'RESIDENT'; residentId: string; ip?: string }
  | { kind: 'SYSTEM' };

export interface LockedOrder {
  id: string;
  utility_id: string;
  kind: 'COMPLAINT' | 'INCIDENT';
  /** Set for a complaint's order; an incident's order has incident_id instead. */
  complaint_id: string | null;
  incident_id: string | null;
  state: WorkOrderState;
  assignee_id: string | null;
  service_promise: unknown;
  responded_at: Date | null;
  temperature_tested_at: Date | null;
}

export function actorId(actor: Actor): string | null {
  return actor.kind === 'STAFF' ? actor.staffId : actor.kind === 'RESIDENT' ? actor.residentId : null;
}

/**
 * Locks the work order for the rest of the transaction, if this actor may see it. An order of
 * another utility, or of an account not bound to the resident, is simply not found; residents
 * never act on incident orders (they have no complaint of theirs).
 */
export async function lockWorkOrder(client: pg.PoolClient, workOrderId: string, actor: Actor): Promise<LockedOrder> {
  const { rows } = await client.query<LockedOrder>(
    `SELECT w.id, w.utility_id, w.kind, w.complaint_id, w.incident_id, w.state, w.assignee_id, w.responded_at, w.temperature_tested_at, u.service_promise
     FROM work_order w JOIN utility u ON u.id = w.utility_id
     WHERE w.id = $1
       AND ($2::uuid IS NULL OR w.utility_id = $2)
       AND ($3::uuid IS NULL OR EXISTS (
         SELECT 1 FROM complaint c JOIN resident_account ra ON ra.account_id = c.account_id
         WHERE c.id = w.complaint_id AND ra.resident_id = $3))
     FOR UPDATE OF w`,
    [workOrderId, actor.kind === 'STAFF' ? actor.utilityId : null, actor.kind === 'RESIDENT' ? actor.residentId : null],
  );
  const row = rows[0];
  if (!row) throw new AppError('not_found', 'work order');
  return row;
}
