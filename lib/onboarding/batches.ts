import { pool } from '@/lib/db/client';

/** Past imports of a utility, for the console. */
export interface ImportBatchListing {
  id: string;
  fileName: string;
  startedAt: Date;
  totalRows: number;
  accepted: number;
  fixed: number;
  merged: number;
  rejected: number;
  hasCsv: boolean;
}

export async function listImports(utilityId: string, limit = 20): Promise<ImportBatchListing[]> {
  const { rows } = await pool().query<{
    id: string; file_name: string; started_at: Date; total_rows: number; accepted: number; fixed: number; merged: number;
    rejected: number; has_csv: boolean;
  }>(
    `SELECT id, file_name, started_at, total_rows, accepted, fixed, merged, rejected, report_csv IS NOT NULL AS has_csv
     FROM import_batch WHERE utility_id = $1 ORDER BY started_at DESC LIMIT $2`,
    [utilityId, limit],
  );
  return rows.map((r) => ({
    id: r.id, fileName: r.file_name, startedAt: r.started_at, totalRows: r.total_rows, accepted: r.accepted, fixed: r.fixed,
    merged: r.merged, rejected: r.rejected, hasCsv: r.has_csv,
  }));
}

/** The stored CSV report of one of the utility's imports; null when it is not this utility's. */
export async function importReportCsv(utilityId: string, importId: string): Promise<{ fileName: string; csv: string } | null> {
  const { rows } = await pool().query<{ file_name: string; report_csv: string | null }>(
    `SELECT file_name, report_csv FROM import_batch WHERE id = $1 AND utility_id = $2`,
    [importId, utilityId],
  );
  const row = rows[0];
  return row?.report_csv ? { fileName: row.file_name, csv: row.report_csv } : null;
}

export async function utilityCode(utilityId: string): Promise<string> {
  const { rows } = await pool().query<{ code: string }>(`SELECT code FROM utility WHERE id = $1`, [utilityId]);
  if (!rows[0]) throw new Error(`utility ${utilityId} not found`);
  return rows[0].code;
}
