import type pg from 'pg';
import { pool } from '@/lib/db/client';

/** One line of the append-only audit log: who did what to which record, when and from where. */
export interface AuditEntry {
  actorKind: 'RESIDENT' | 'STAFF' | 'SYSTEM';
  actorId?: string | null;
  utilityId?: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

/** Pass the transaction's client so the entry commits or rolls back with the change it records. */
export async function recordAudit(entry: AuditEntry, at: Date, client?: pg.PoolClient): Promise<void> {
  await (client ?? pool()).query(
    `INSERT INTO audit_log (at, actor_kind, actor_id, utility_id, action, entity, entity_id, ip, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      at,
      entry.actorKind,
      entry.actorId ?? null,
      entry.utilityId ?? null,
      entry.action,
      entry.entity,
      entry.entityId ?? null,
      entry.ip ?? null,
      entry.detail ? JSON.stringify(entry.detail) : null,
    ],
  );
}
