import type pg from 'pg';
import { withTransaction } from '@/lib/db/transaction';

/**
 * The retention job: records older than the retention period move to archive tables, where
 * staff can still read them and from which nothing is ever deleted (money records are kept at
 * least 30 years by accounting rules; the archives keep them without end). Moved: settled or
 * void bills issued before the cutoff, with their ledger entries, and audit entries before it.
 * An unpaid bill stays live whatever its age: it is still owed. Each table moves in batches, each
 * batch one transaction (copy, then delete what was copied), so an interrupted run loses nothing.
 */
export interface ArchiveSummary {
  cutoff: Date;
  bills: number;
  ledgerEntries: number;
  auditEntries: number;
}

/** The instant before which records are archived: `years` calendar years before `now`. */
export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

async function allowArchiving(client: pg.PoolClient): Promise<void> {
  // Read by the append-only triggers: only this transaction may remove rows already archived.
  await client.query(`SELECT set_config('nuanxin.archiving', 'on', true)`);
}

/** Limits a run to one utility (a utility's own clean-up, and tests sharing a database). */
export interface ArchiveScope {
  utilityId?: string;
}

async function archiveBillBatch(cutoff: Date, now: Date, size: number, scope: ArchiveScope): Promise<{ bills: number; ledger: number }> {
  return withTransaction(async (client) => {
    await allowArchiving(client);
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM bill WHERE status IN ('PAID', 'VOID') AND issued_at < $1 AND ($3::uuid IS NULL OR utility_id = $3)
       ORDER BY issued_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [cutoff, size, scope.utilityId ?? null],
    );
    if (rows.length === 0) return { bills: 0, ledger: 0 };
    const ids = rows.map((r) => r.id);
    await client.query(
      `INSERT INTO bill_archive (id, account_id, utility_id, tariff_id, season, status, building_area_m2, usable_area_m2, metered_gj,
         suspended, low_income, principal_fen, charge_lines, issued_at, settled_at, voided_at, archived_at)
       SELECT id, account_id, utility_id, tariff_id, season, status, building_area_m2, usable_area_m2, metered_gj, suspended,
              low_income, principal_fen, charge_lines, issued_at, settled_at, voided_at, $2
       FROM bill WHERE id = ANY($1::uuid[])`,
      [ids, now],
    );
    const ledger = await client.query(
      `INSERT INTO bill_ledger_archive (id, bill_id, at, amount_fen, kind, source_id, archived_at)
       SELECT id, bill_id, at, amount_fen, kind, source_id, $2 FROM bill_ledger WHERE bill_id = ANY($1::uuid[])`,
      [ids, now],
    );
    await client.query(`DELETE FROM bill_ledger WHERE bill_id = ANY($1::uuid[])`, [ids]);
    await client.query(`DELETE FROM bill WHERE id = ANY($1::uuid[])`, [ids]);
    return { bills: ids.length, ledger: ledger.rowCount ?? 0 };
  });
}

async function archiveAuditBatch(cutoff: Date, now: Date, size: number, scope: ArchiveScope): Promise<number> {
  return withTransaction(async (client) => {
    await allowArchiving(client);
    const moved = await client.query(
      `INSERT INTO audit_log_archive (id, at, actor_kind, actor_id, utility_id, action, entity, entity_id, ip, detail, archived_at)
       SELECT id, at, actor_kind, actor_id, utility_id, action, entity, entity_id, ip, detail, $3
       FROM audit_log WHERE at < $1 AND ($4::uuid IS NULL OR utility_id = $4) ORDER BY id LIMIT $2
       RETURNING id`,
      [cutoff, size, now, scope.utilityId ?? null],
    );
    if (!moved.rowCount) return 0;
    await client.query(`DELETE FROM audit_log WHERE id = ANY($1::bigint[])`, [moved.rows.map((r: { id: string }) => r.id)]);
    return moved.rowCount;
  });
}

export async function archiveExpired(now: Date, years: number, batchSize = 5000, scope: ArchiveScope = {}): Promise<ArchiveSummary> {
  const cutoff = retentionCutoff(now, years);
  const summary: ArchiveSummary = { cutoff, bills: 0, ledgerEntries: 0, auditEntries: 0 };
  for (;;) {
    const moved = await archiveBillBatch(cutoff, now, batchSize, scope);
    summary.bills += moved.bills;
    summary.ledgerEntries += moved.ledger;
    if (moved.bills < batchSize) break;
  }
  for (;;) {
    const moved = await archiveAuditBatch(cutoff, now, batchSize, scope);
    summary.auditEntries += moved;
    if (moved < batchSize) break;
  }
  return summary;
}
