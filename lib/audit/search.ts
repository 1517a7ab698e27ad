import { pool } from '@/lib/db/client';

/**
 * Searches the audit log of one utility, live and archived entries together (archives stay
 * readable). Filters: staff username, entity, action prefix, Shanghai calendar days.
 */
export interface AuditFilter {
  actorUsername?: string;
  entity?: string;
  action?: string;
  /** Inclusive Shanghai days 'YYYY-MM-DD'. */
  fromDay?: string;
  toDay?: string;
}

export interface AuditRow {
  id: string;
  at: Date;
  actorKind: string;
  actor: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  ip: string | null;
  detail: unknown;
  archived: boolean;
}

export const AUDIT_PAGE = 200;

export async function searchAudit(utilityId: string, f: AuditFilter): Promise<AuditRow[]> {
  const { rows } = await pool().query<{
    id: string; at: Date; actor_kind: string; username: string | null; action: string; entity: string; entity_id: string | null;
    ip: string | null; detail: unknown; archived: boolean;
  }>(
    `WITH entries AS (
       SELECT id, at, actor_kind, actor_id, utility_id, action, entity, entity_id, ip, detail, false AS archived FROM audit_log
       UNION ALL
       SELECT id, at, actor_kind, actor_id, utility_id, action, entity, entity_id, ip, detail, true FROM audit_log_archive
     )
     SELECT e.id::text, e.at, e.actor_kind, s.username, e.action, e.entity, e.entity_id, e.ip, e.detail, e.archived
     FROM entries e LEFT JOIN staff s ON e.actor_kind = 'STAFF' AND s.id = e.actor_id
     WHERE e.utility_id = $1
       AND ($2::text IS NULL OR s.username = $2)
       AND ($3::text IS NULL OR e.entity = $3)
       AND ($4::text IS NULL OR e.action LIKE $4 || '%')
       AND ($5::date IS NULL OR e.at >= ($5::date)::timestamp AT TIME ZONE 'Asia/Shanghai')
       AND ($6::date IS NULL OR e.at < ($6::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
     ORDER BY e.at DESC, e.id DESC LIMIT ${AUDIT_PAGE}`,
    [utilityId, f.actorUsername || null, f.entity || null, f.action || null, f.fromDay || null, f.toDay || null],
  );
  return rows.map((r) => ({
    id: r.id, at: r.at, actorKind: r.actor_kind, actor: r.username, action: r.action, entity: r.entity, entityId: r.entity_id,
    ip: r.ip, detail: r.detail, archived: r.archived,
  }));
}
