import type pg from 'pg';
import { withTransaction } from '@/lib/db/transaction';
import { ARCHIVED_WITH_BILL, archiveOf, type ArchivedTable } from './archived-tables';

/**
 * The retention job: records older than the retention period move to archive tables, where
 * staff can still read them (the `*_all` views) and from which nothing is ever deleted (money
 * records are kept at least 30 years by accounting rules; the archives keep them without end).
 * Moved: settled or void bills issued before the cutoff, together with every row that belongs
 * to them (ledger entries, payments, payment events: lib/retention/archived-tables.ts), and
 * audit entries before the cutoff. A bill stays live while it is unpaid (still owed) or while
 * money on it is still moving (an open payment). Each batch of bills is one transaction: copy
 * every table, then delete children before parents, so an interrupted run loses nothing and
 * a bill is never archived without its payments.
 */
export interface ArchiveSummary {
  cutoff: Date;
  /** Rows moved per live table (bill, bill_ledger, payment, payment_event…). */
  moved: Record<string, number>;
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

const columnCache = new Map<string, string[]>();

/** The live table's columns, checked against its archive (same columns plus archived_at). */
async function columnsOf(client: pg.PoolClient, table: string): Promise<string[]> {
  const cached = columnCache.get(table);
  if (cached) return cached;
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = ANY($1::text[]) ORDER BY ordinal_position`,
    [[table, archiveOf(table)]],
  );
  const live = rows.filter((r) => r.table_name === table).map((r) => r.column_name);
  const archive = new Set(rows.filter((r) => r.table_name === archiveOf(table)).map((r) => r.column_name));
  const missing = [...live, 'archived_at'].filter((c) => !archive.has(c));
  if (live.length === 0 || missing.length > 0) {
    throw new Error(`${archiveOf(table)} must have every column of ${table} plus archived_at; missing: ${missing.join(', ') || table}`);
  }
  columnCache.set(table, live);
  return live;
}

const byTable = new Map(ARCHIVED_WITH_BILL.map((t) => [t.table, t]));

/** `EXISTS (…)`: a row of `entry` in its holding state belongs to the bill `bill.id`. */
function holdClause(entry: ArchivedTable): string {
  let from = `(SELECT * FROM ${entry.table} WHERE ${entry.holdsBillWhile}) x0`;
  let current = entry;
  let depth = 0;
  while (current.parent && current.parent.table !== 'bill') {
    const parent = byTable.get(current.parent.table)!;
    from += ` JOIN ${parent.table} x${depth + 1} ON x${depth + 1}.id = x${depth}.${current.parent.column}`;
    current = parent;
    depth += 1;
  }
  return `EXISTS (SELECT 1 FROM ${from} WHERE x${depth}.${current.parent!.column} = bill.id)`;
}

const HOLDS = ARCHIVED_WITH_BILL.filter((t) => t.holdsBillWhile).map((t) => `NOT ${holdClause(t)}`);

async function archiveBillBatch(cutoff: Date, now: Date, size: number, scope: ArchiveScope): Promise<Record<string, number>> {
  return withTransaction(async (client) => {
    await allowArchiving(client);
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM bill WHERE status IN ('PAID', 'VOID') AND issued_at < $1 AND ($3::uuid IS NULL OR utility_id = $3)
         ${HOLDS.map((h) => `AND ${h}`).join(' ')}
       ORDER BY issued_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [cutoff, size, scope.utilityId ?? null],
    );
    const moved: Record<string, number> = {};
    if (rows.length === 0) return moved;
    const ids = new Map<string, string[]>([['bill', rows.map((r) => r.id)]]);
    for (const entry of ARCHIVED_WITH_BILL) {
      const columns = (await columnsOf(client, entry.table)).join(', ');
      const where = entry.parent
        ? `${entry.parent.column} = ANY($1::${byTable.get(entry.parent.table)!.keyType}[])`
        : `id = ANY($1::${entry.keyType}[])`;
      const copied = await client.query<{ id: string }>(
        `INSERT INTO ${archiveOf(entry.table)} (${columns}, archived_at) SELECT ${columns}, $2 FROM ${entry.table} WHERE ${where}
         RETURNING id::text`,
        [ids.get(entry.parent?.table ?? 'bill'), now],
      );
      ids.set(entry.table, copied.rows.map((r) => r.id));
      moved[entry.table] = copied.rowCount ?? 0;
    }
    // Children first: a parent row is deleted only once nothing live refers to it.
    for (const entry of [...ARCHIVED_WITH_BILL].reverse()) {
      await client.query(`DELETE FROM ${entry.table} WHERE id = ANY($1::${entry.keyType}[])`, [ids.get(entry.table)]);
    }
    return moved;
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
  const summary: ArchiveSummary = { cutoff, moved: Object.fromEntries(ARCHIVED_WITH_BILL.map((t) => [t.table, 0])), auditEntries: 0 };
  for (;;) {
    const moved = await archiveBillBatch(cutoff, now, batchSize, scope);
    for (const [table, n] of Object.entries(moved)) summary.moved[table] = (summary.moved[table] ?? 0) + n;
    if ((moved.bill ?? 0) < batchSize) break;
  }
  for (;;) {
    const moved = await archiveAuditBatch(cutoff, now, batchSize, scope);
    summary.auditEntries += moved;
    if (moved < batchSize) break;
  }
  return summary;
}
