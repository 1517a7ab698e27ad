import type pg from 'pg';
import type { WorkOrderState } from './state-machine';

/** One entry of a work order's timeline; PUBLIC entries are what the resident reads. */
export interface TimelineEntry {
  workOrderId: string;
  actorKind: 'RESIDENT' | 'STAFF' | 'SYSTEM';
  actorId?: string | null;
  kind: string;
  fromState?: WorkOrderState | null;
  toState?: WorkOrderState | null;
  visibility: 'PUBLIC' | 'INTERNAL';
  message?: string | null;
  data?: Record<string, unknown>;
}

export async function appendEvent(client: pg.PoolClient, entry: TimelineEntry, at: Date): Promise<void> {
  await client.query(
    `INSERT INTO work_order_event (work_order_id, at, actor_kind, actor_id, kind, from_state, to_state, visibility, message, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      entry.workOrderId,
      at,
      entry.actorKind,
      entry.actorId ?? null,
      entry.kind,
      entry.fromState ?? null,
      entry.toState ?? null,
      entry.visibility,
      entry.message ?? null,
      entry.data ? JSON.stringify(entry.data) : null,
    ],
  );
}
