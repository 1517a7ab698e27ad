import { recordAudit } from '@/lib/audit/record';
import type { StaffIdentity } from '@/lib/auth/current';
import { pool } from '@/lib/db/client';
import { withTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors/app-error';

/**
 * Legacy rows merged into an existing account on import (same phone and property certificate)
 * wait for a person to confirm them. A merge is pending until reviewed, then reviewed for good
 * (who and when kept, the review audited); reviewing it twice is refused, never silently
 * repeated. Undoing a merge is not offered here: the merged row never became an account of its
 * own (its opening balance stays on the merge record, unbilled), so splitting means creating
 * that household by hand from the import report — a deliberate correction, not a click.
 */
export const MERGE_REVIEWERS = ['ADMIN'] as const;

export interface PendingMerge {
  id: string;
  fileName: string;
  importedAt: Date;
  sourceRow: number;
  legacyAccountNo: string;
  accountNo: string;
  holderName: string;
  openingBalanceFen: bigint;
}

export async function listPendingMerges(utilityId: string, limit = 100): Promise<PendingMerge[]> {
  const { rows } = await pool().query<{
    id: string; file_name: string; started_at: Date; source_row: number; legacy_account_no: string; account_no: string;
    holder_name: string; opening: string;
  }>(
    `SELECT m.id::text, b.file_name, b.started_at, m.source_row, m.legacy_account_no, a.account_no, a.holder_name,
            m.opening_balance_fen::text AS opening
     FROM import_merge m JOIN import_batch b ON b.id = m.import_id JOIN heating_account a ON a.id = m.account_id
     WHERE b.utility_id = $1 AND m.reviewed_at IS NULL ORDER BY b.started_at, m.source_row LIMIT $2`,
    [utilityId, limit],
  );
  return rows.map((r) => ({
    id: r.id, fileName: r.file_name, importedAt: r.started_at, sourceRow: r.source_row, legacyAccountNo: r.legacy_account_no,
    accountNo: r.account_no, holderName: r.holder_name, openingBalanceFen: BigInt(r.opening),
  }));
}

/** Marks one of the staff member's utility's merges reviewed, with who and when, audited. */
export async function markMergeReviewed(staff: StaffIdentity, mergeId: string, ip: string, now: Date): Promise<void> {
  if (!(MERGE_REVIEWERS as readonly string[]).includes(staff.role)) throw new AppError('forbidden', `role ${staff.role}`);
  await withTransaction(async (client) => {
    const { rows } = await client.query<{ reviewed_at: Date | null; account_id: string; legacy_account_no: string }>(
      `SELECT m.reviewed_at, m.account_id, m.legacy_account_no FROM import_merge m JOIN import_batch b ON b.id = m.import_id
       WHERE m.id = $1 AND b.utility_id = $2 FOR UPDATE OF m`,
      [mergeId, staff.utilityId],
    );
    const merge = rows[0];
    if (!merge) throw new AppError('not_found', `merge ${mergeId}`);
    if (merge.reviewed_at) throw new AppError('invalid_transition', `merge ${mergeId} already reviewed`);
    await client.query(`UPDATE import_merge SET reviewed_at = $2, reviewed_by = $3 WHERE id = $1`, [mergeId, now, staff.staffId]);
    await recordAudit(
      {
        actorKind: 'STAFF', actorId: staff.staffId, utilityId: staff.utilityId, action: 'import.merge_reviewed', entity: 'import_merge',
        entityId: mergeId, ip, detail: { accountId: merge.account_id, legacyAccountNo: merge.legacy_account_no },
      },
      now,
      client,
    );
  });
}
