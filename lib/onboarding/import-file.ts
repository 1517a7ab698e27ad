import { stat } from 'node:fs/promises';
import { recordAudit } from '@/lib/audit/record';
import { pool } from '@/lib/db/client';
import { env } from '@/lib/env';
import { onboardingMessages, type OnboardingMessages } from '@/lib/i18n/onboarding';
import { COLUMN_KEYS, locateColumns, pickRow, type ColumnKey } from './columns';
import { ImportFileError } from './import-error';
import { readMapping, resolveMapping } from './mapping';
import { PlaceCache } from './places';
import { processBatch, type BatchContext, type SourceRow } from './process-batch';
import { csvRows, fileSha256, sniffEncoding, sourceKind, xlsxRows } from './read-source';
import { csvHeader, emptySummary, recordRow, type ImportSummary, type ReportSink } from './report';

/**
 * Imports a utility's legacy account file. The whole import is one transaction on one
 * connection: it commits completely or not at all, so a failure (a bad file discovered half way,
 * a lost connection, a crash) leaves the database exactly as it was, and readers never see half
 * an import. Only rows are added, so nothing needs swapping in; a staging table would only copy
 * the data twice. The file's SHA-256 is stored with the batch: the same file again changes
 * nothing, and account numbers already stored are left as they are.
 */
export interface ImportOptions {
  filePath: string;
  fileName: string;
  utilityCode: string;
  mappingPath: string;
  dryRun: boolean;
  now: Date;
  staffId?: string | null;
  ip?: string | null;
  batchSize?: number;
  /** Receives the CSV report, row by row (the command line writes it to a file). */
  reportSink?: ReportSink | null;
  /** Keep the CSV report in the database too (console uploads, which are size-limited). */
  storeReportCsv?: boolean;
  onProgress?: (progress: { rows: number; bytes: number; totalBytes: number }) => void;
  messages?: OnboardingMessages;
}

const isBlank = (s: string | undefined) => s === undefined || s.trim() === '';

export async function importLegacyFile(o: ImportOptions): Promise<ImportSummary> {
  const m = o.messages ?? onboardingMessages('zh');
  const format = sourceKind(o.fileName);
  const totalBytes = (await stat(o.filePath)).size;
  if (totalBytes === 0) throw new ImportFileError('empty_file');
  const encoding = format === 'csv' ? await sniffEncoding(o.filePath) : 'xlsx';
  const sha = await fileSha256(o.filePath);
  const mappingRows = await readMapping(o.mappingPath);
  const summary = emptySummary({ fileName: o.fileName, utilityCode: o.utilityCode, format, encoding: encoding === 'gb18030' ? 'GBK' : encoding === 'utf8' ? 'UTF-8' : 'xlsx', dryRun: o.dryRun });
  const csvParts: string[] = [];
  const sink: ReportSink = {
    async write(text) {
      if (o.storeReportCsv) csvParts.push(text);
      await o.reportSink?.write(text);
    },
  };

  const client = await pool().connect();
  try {
    await client.query('BEGIN');
    const utility = await client.query<{ id: string }>(`SELECT id FROM utility WHERE code = $1`, [o.utilityCode]);
    const utilityId = utility.rows[0]?.id;
    if (!utilityId) throw new ImportFileError('unknown_utility', { code: o.utilityCode });
    const previous = await client.query<{ summary: ImportSummary; started_at: Date }>(
      `SELECT summary, started_at FROM import_batch WHERE utility_id = $1 AND file_sha256 = $2`,
      [utilityId, sha],
    );
    if (previous.rows[0]) {
      await client.query('ROLLBACK');
      return { ...previous.rows[0].summary, dryRun: o.dryRun, alreadyImportedAt: previous.rows[0].started_at.toISOString() };
    }
    const mapping = await resolveMapping(client, utilityId, mappingRows);
    // Claimed first, so a second upload of the same file waits here and then finds it imported.
    const batch = await client.query<{ id: string }>(
      `INSERT INTO import_batch (utility_id, file_name, file_sha256, staff_id, started_at, finished_at, total_rows, accepted, fixed,
         merged, rejected, summary) VALUES ($1, $2, $3, $4, $5, $5, 0, 0, 0, 0, 0, '{}') RETURNING id`,
      [utilityId, o.fileName, sha, o.staffId ?? null, o.now],
    );
    const importId = batch.rows[0]!.id;
    const ctx: BatchContext = {
      client, utilityId, importId, mapping, places: new PlaceCache(client, utilityId), ring: env().piiKeyring, now: o.now,
      unmappedCodes: summary.unmappedCodes,
    };
    await sink.write(csvHeader(m));
    let bytes = 0;
    const onBytes = (n: number) => {
      bytes += n;
    };
    const rows = format === 'csv' ? csvRows(o.filePath, encoding === 'xlsx' ? 'utf8' : encoding, onBytes) : xlsxRows(o.filePath, onBytes);
    let index: Record<ColumnKey, number> | undefined;
    let line = 0;
    let pending: SourceRow[] = [];
    const flush = async () => {
      for (const r of await processBatch(ctx, pending)) await recordRow(summary, sink, r, m);
      pending = [];
      o.onProgress?.({ rows: summary.totalRows, bytes, totalBytes });
    };
    for await (const cells of rows) {
      line++;
      if (!index) {
        const located = locateColumns(cells);
        if (!located.ok) throw new ImportFileError('missing_columns', { columns: located.missing.join('、') });
        index = located.index;
        continue;
      }
      if (cells.every(isBlank)) continue;
      const raw = pickRow(cells, index);
      summary.totalRows++;
      for (const key of COLUMN_KEYS) if (isBlank(raw[key])) summary.missing[key]++;
      pending.push({ line, raw });
      if (pending.length >= (o.batchSize ?? 2000)) await flush();
    }
    if (!index) throw new ImportFileError('empty_file');
    await flush();
    const totals = await client.query<{ fen: string }>(
      `SELECT coalesce(sum(opening_balance_fen), 0)::text AS fen FROM imported_account WHERE import_id = $1`,
      [importId],
    );
    summary.openingBalanceFen = totals.rows[0]!.fen;
    summary.importId = o.dryRun ? null : importId;
    const c = summary.counts;
    await client.query(
      `UPDATE import_batch SET finished_at = $2, total_rows = $3, accepted = $4, fixed = $5, merged = $6, rejected = $7, summary = $8,
         report_csv = $9 WHERE id = $1`,
      [importId, new Date(), summary.totalRows, c.accepted, c.fixed, c.merged, c.rejected, JSON.stringify(summary), o.storeReportCsv ? csvParts.join('') : null],
    );
    await recordAudit(
      {
        actorKind: o.staffId ? 'STAFF' : 'SYSTEM', actorId: o.staffId ?? null, utilityId, action: 'import.commit', entity: 'import_batch',
        entityId: importId, ip: o.ip ?? null, detail: { fileName: o.fileName, sha256: sha, counts: c, totalRows: summary.totalRows },
      },
      o.now,
      client,
    );
    await client.query(o.dryRun ? 'ROLLBACK' : 'COMMIT');
    return summary;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
