import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { listOpeningBalances } from '@/lib/bills/opening-balances';
import { closeDb, pool } from '@/lib/db/client';
import { randomTestPhone, seedResident } from '@/lib/seed/records';
import { LEGACY_HEADER, MESSY_CASES, legacyRows } from '@/lib/onboarding/generate-legacy';
import { ImportFileError } from '@/lib/onboarding/import-error';
import { importLegacyFile } from '@/lib/onboarding/import-file';
import { parseYuanToFen } from '@/lib/onboarding/money';
import { countFor, freshUtility, legacyFile, workDir } from './support';

afterAll(async () => {
  await closeDb();
});

const NOW = new Date('2026-11-25T10:00:00+08:00');
const ROWS = 2 * MESSY_CASES.length;

function expectedLines() {
  return Array.from({ length: ROWS }, (_, i) => {
    const e = MESSY_CASES[i % MESSY_CASES.length]!.expect;
    return { line: i + 2, outcome: e.outcome, reason: e.reason, fixes: e.fixes ?? [] };
  });
}

/** Σ of the opening balances the accepted and fixed rows carry, from the generated data itself. */
function expectedBalanceFen(): bigint {
  let sum = 0n;
  let i = 0;
  for (const row of legacyRows(ROWS, { messy: true })) {
    const e = MESSY_CASES[i++ % MESSY_CASES.length]!.expect;
    if (e.outcome !== 'accepted' && e.outcome !== 'fixed') continue;
    const fen = parseYuanToFen(row.openingBalance);
    if (fen.ok) sum += fen.fen;
  }
  return sum;
}

describe('import of a messy legacy file', () => {
  it('reports every row exactly, in GBK, and stores only what it accepted', async () => {
    const utility = await freshUtility();
    const dir = await workDir();
    const { file, mapping } = await legacyFile(dir, 'accounts.csv', { rows: ROWS, messy: true, encoding: 'gbk' });
    // The file really is GBK: 户号 is C2 A7 BA C5 there, not UTF-8.
    expect((await readFile(file)).subarray(0, 4)).toEqual(iconv.encode('户号', 'gbk'));
    const lines: string[] = [];
    const summary = await importLegacyFile({
      filePath: file, fileName: 'accounts.csv', utilityCode: utility.code, mappingPath: mapping, dryRun: false, now: NOW, batchSize: 7,
      reportSink: { write: async (t) => void lines.push(t) },
    });

    expect(summary.encoding).toBe('GBK');
    expect(summary.totalRows).toBe(40);
    expect(summary.counts).toEqual({ accepted: 6, fixed: 12, merged: 2, unchanged: 0, rejected: 20 });
    expect(summary.reasons).toEqual({
      duplicate_account_no: 2, missing_required: 4, id_invalid: 2, area_implausible: 2, usable_exceeds_building: 2,
      tariff_unmapped: 2, area_format: 2, status_unknown: 2, balance_format: 2,
    });
    expect(summary.fixes).toEqual({ id_lower_x: 2, id_upgraded_15: 2, area_unit: 2, phone_format: 2, balance_symbols: 2, status_blank: 2 });
    expect(summary.missing).toEqual({
      accountNo: 0, holderName: 2, idNumber: 2, phone: 0, address: 0, buildingUnit: 0, station: 0, buildingArea: 0,
      usableArea: 2, certificateNo: 0, tariffCode: 0, openingBalance: 0, status: 2,
    });
    expect(summary.unmappedCodes).toEqual({ 'OLD-1998': 2 });
    expect(summary.openingBalanceFen).toBe(expectedBalanceFen().toString());

    // The CSV report: a header and one line per row, in file order, with outcome and codes.
    expect(lines).toHaveLength(ROWS + 1);
    const parsed = lines.slice(1).map((l) => l.trimEnd().split(','));
    const got = parsed.map((cells) => {
      const codes = (cells[8] ?? '').split(' ').filter(Boolean);
      const reason = codes.find((c) => c in summary.reasons);
      return { line: Number(cells[0]), outcome: cells[5], reason, fixes: codes.filter((c) => c !== reason) };
    });
    const words = { accepted: '已导入', fixed: '修正后导入', merged: '已合并', unchanged: '已存在，未改动', rejected: '未导入' };
    expect(got).toEqual(expectedLines().map((e) => ({ ...e, outcome: words[e.outcome] })));
    // Merged rows name the account they went into: the clean first row of their cycle.
    expect(parsed[1]![7]).toBe('LG00000000');
    expect(parsed[21]![7]).toBe('LG00000020');

    // Personal data is masked in the report.
    const text = lines.join('');
    for (const row of legacyRows(ROWS, { messy: true })) {
      if (row.phone) expect(text).not.toContain(row.phone.replace(/\D/g, '').slice(-11));
      if (row.idNumber.length >= 15) expect(text).not.toContain(row.idNumber.slice(0, 14));
    }
    expect(text).toContain('199****0000');

    expect(await countFor(utility.id)).toEqual({ accounts: 18, batches: 1, imported: 18, merges: 2, stations: 9 });
    const lowIncome = await pool().query<{ n: string }>(
      `SELECT count(*)::text AS n FROM heating_account a JOIN imported_account ia ON ia.account_id = a.id
       WHERE a.utility_id = $1 AND a.low_income <> (ia.legacy_tariff_code = 'HB-DB')`,
      [utility.id],
    );
    expect(lowIncome.rows[0]!.n).toBe('0');

    // The carried-over debt reaches the resident's bill page once the account is bound.
    const owing = await pool().query<{ id: string }>(`SELECT id FROM heating_account WHERE utility_id = $1 AND account_no = 'LG00000019'`, [utility.id]);
    const resident = await seedResident(randomTestPhone(), null, [owing.rows[0]!.id]);
    const balances = await listOpeningBalances(resident, NOW);
    expect(balances).toEqual([{ accountNo: 'LG00000019', amountFen: 240_000n, asOf: NOW, bill: { id: expect.any(String), dueFen: 240_000n, status: 'ISSUED' } }]); // 2400.00 元
    // Every carried-over debt, and only debts, became an opening bill of exactly its amount.
    const opening = await pool().query<{ n: string; total: string }>(
      `SELECT count(*)::text AS n, coalesce(sum(b.principal_fen), 0)::text AS total FROM bill b JOIN heating_account a ON a.id = b.account_id
       WHERE a.utility_id = $1 AND b.kind = 'OPENING' AND b.season = 0 AND b.status = 'ISSUED'`,
      [utility.id],
    );
    const owed = await pool().query<{ n: string; total: string }>(
      `SELECT count(*)::text AS n, coalesce(sum(ia.opening_balance_fen), 0)::text AS total FROM imported_account ia
       JOIN heating_account a ON a.id = ia.account_id WHERE a.utility_id = $1 AND ia.opening_balance_fen > 0`,
      [utility.id],
    );
    expect(opening.rows[0]).toEqual(owed.rows[0]);
    expect(Number(opening.rows[0]!.n)).toBeGreaterThan(0);
  });

  it('importing the same file twice changes nothing', async () => {
    const utility = await freshUtility();
    const { file, mapping } = await legacyFile(await workDir(), 'twice.csv', { rows: ROWS, messy: true, encoding: 'utf8-bom' });
    const options = { filePath: file, fileName: 'twice.csv', utilityCode: utility.code, mappingPath: mapping, dryRun: false, now: NOW };
    const first = await importLegacyFile(options);
    expect(first.encoding).toBe('UTF-8');
    const before = await countFor(utility.id);
    const second = await importLegacyFile({ ...options, fileName: 'renamed.csv' });
    expect(second.alreadyImportedAt).toBe(NOW.toISOString());
    expect(second.counts).toEqual(first.counts);
    expect(await countFor(utility.id)).toEqual(before);
  });

  it('the same records in another file (xlsx) are left unchanged, nothing added', async () => {
    const utility = await freshUtility();
    const dir = await workDir();
    const csv = await legacyFile(dir, 'a.csv', { rows: ROWS, messy: true, encoding: 'utf8' });
    const xlsx = await legacyFile(dir, 'a.xlsx', { rows: ROWS, messy: true });
    const base = { utilityCode: utility.code, dryRun: false, now: NOW };
    const first = await importLegacyFile({ ...base, filePath: csv.file, fileName: 'a.csv', mappingPath: csv.mapping });
    const before = await countFor(utility.id);
    const again = await importLegacyFile({ ...base, filePath: xlsx.file, fileName: 'a.xlsx', mappingPath: xlsx.mapping });
    expect(again.encoding).toBe('xlsx');
    expect(again.counts).toEqual({ accepted: 0, fixed: 0, merged: 0, unchanged: 20, rejected: 20 });
    expect(again.reasons).toEqual(first.reasons);
    expect(await countFor(utility.id)).toEqual({ ...before, batches: 2 });
  });

  it('a dry run reports exactly what an import would, and writes nothing', async () => {
    const utility = await freshUtility();
    const { file, mapping } = await legacyFile(await workDir(), 'dry.xlsx', { rows: ROWS, messy: true });
    const options = { filePath: file, fileName: 'dry.xlsx', utilityCode: utility.code, mappingPath: mapping, now: NOW };
    const dry = await importLegacyFile({ ...options, dryRun: true });
    expect(await countFor(utility.id)).toEqual({ accounts: 0, batches: 0, imported: 0, merges: 0, stations: 0 });
    const real = await importLegacyFile({ ...options, dryRun: false });
    expect(dry.counts).toEqual(real.counts);
    expect(dry.issues).toEqual(real.issues);
    expect(dry.importId).toBeNull();
  });

  it('a file that breaks half way leaves the database as it was', async () => {
    const utility = await freshUtility();
    const dir = await workDir();
    const { file, mapping } = await legacyFile(dir, 'broken.csv', { rows: 30, messy: false, encoding: 'utf8' });
    // An unclosed quote on the last line: csv-parse only finds it after 30 rows went in.
    await writeFile(file, `${await readFile(file, 'utf8')}"LG99999999,未闭合\r\n`);
    const failed = importLegacyFile({ filePath: file, fileName: 'broken.csv', utilityCode: utility.code, mappingPath: mapping, dryRun: false, now: NOW, batchSize: 5 });
    await expect(failed).rejects.toMatchObject({ problem: 'unreadable' });
    expect(await countFor(utility.id)).toEqual({ accounts: 0, batches: 0, imported: 0, merges: 0, stations: 0 });
    const audit = await pool().query(`SELECT 1 FROM audit_log WHERE utility_id = $1`, [utility.id]);
    expect(audit.rowCount).toBe(0);
  });

  it('refuses a file without the expected columns, naming them', async () => {
    const utility = await freshUtility();
    const dir = await workDir();
    const { mapping } = await legacyFile(dir, 'x.csv', { rows: 1, messy: false });
    const file = path.join(dir, 'cols.csv');
    await writeFile(file, `${LEGACY_HEADER.filter((h) => h !== '身份证号' && h !== '状态').join(',')}\nA,B\n`);
    const error = await importLegacyFile({ filePath: file, fileName: 'cols.csv', utilityCode: utility.code, mappingPath: mapping, dryRun: false, now: NOW }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({ problem: 'missing_columns', params: { columns: '身份证号、状态' } });
  });

  it('refuses a mapping to a season without a Nuanxin tariff, and an unknown utility', async () => {
    const utility = await freshUtility();
    const dir = await workDir();
    const { file } = await legacyFile(dir, 'm.csv', { rows: 3, messy: false });
    const mapping = path.join(dir, 'season.csv');
    await writeFile(mapping, '旧收费标准代码,暖心供暖季,低保\nHB-2019-A,2031,否\n');
    const base = { filePath: file, fileName: 'm.csv', mappingPath: mapping, dryRun: false, now: NOW };
    await expect(importLegacyFile({ ...base, utilityCode: utility.code })).rejects.toMatchObject({ problem: 'mapping_no_tariff', params: { seasons: '2031' } });
    await expect(importLegacyFile({ ...base, utilityCode: 'no-such-utility' })).rejects.toMatchObject({ problem: 'unknown_utility' });
    await writeFile(mapping, '旧收费标准代码,暖心供暖季,低保\nHB-2019-A,二零二六,否\n');
    await expect(importLegacyFile({ ...base, utilityCode: utility.code })).rejects.toMatchObject({ problem: 'mapping_row', params: { line: '2' } });
  });
});
