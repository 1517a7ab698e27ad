import type pg from 'pg';
import { normalizeHeader } from './columns';
import { ImportFileError } from './import-error';
import { csvRows, sniffEncoding } from './read-source';

/**
 * Cleaning step 2, unify charging rules: every legacy 收费标准代码 names one Nuanxin tariff (the
 * utility's tariff for a season) and whether the household is 低保 (low-income subsidy), which
 * old systems encoded in the tariff code. The mapping file, CSV (UTF-8 or GBK):
 *
 *   旧收费标准代码,暖心供暖季,低保
 *   HB-2019-A,2026,否
 *   HB-DB,2026,是
 *
 * (English headers legacy_code,season,low_income are read too.)
 */
export interface TariffTarget {
  tariffId: string;
  season: number;
  lowIncome: boolean;
}

const HEADERS = {
  code: ['旧收费标准代码', '收费标准代码', 'legacy_code'],
  season: ['暖心供暖季', '供暖季', 'season'],
  lowIncome: ['低保', 'low_income'],
};

const YES = new Set(['是', 'y', 'yes', 'true', '1', '低保']);
const NO = new Set(['', '否', 'n', 'no', 'false', '0']);

function find(header: string[], names: string[]): number {
  return header.findIndex((h) => names.includes(normalizeHeader(h).toLowerCase()) || names.includes(normalizeHeader(h)));
}

export interface MappingRow {
  code: string;
  season: number;
  lowIncome: boolean;
}

export async function readMapping(path: string): Promise<MappingRow[]> {
  const rows: MappingRow[] = [];
  let columns: { code: number; season: number; lowIncome: number } | undefined;
  let line = 0;
  for await (const cells of csvRows(path, await sniffEncoding(path))) {
    line++;
    if (!columns) {
      columns = { code: find(cells, HEADERS.code), season: find(cells, HEADERS.season), lowIncome: find(cells, HEADERS.lowIncome) };
      if (columns.code < 0 || columns.season < 0) throw new ImportFileError('mapping_columns');
      continue;
    }
    const code = (cells[columns.code] ?? '').trim();
    const seasonText = (cells[columns.season] ?? '').trim();
    const lowText = columns.lowIncome < 0 ? '' : (cells[columns.lowIncome] ?? '').trim().toLowerCase();
    const season = Number(seasonText);
    if (!code || !/^\d{4}$/.test(seasonText) || (!YES.has(lowText) && !NO.has(lowText))) {
      throw new ImportFileError('mapping_row', { line: String(line) });
    }
    rows.push({ code, season, lowIncome: YES.has(lowText) });
  }
  if (rows.length === 0) throw new ImportFileError('mapping_empty');
  return rows;
}

/** Resolves each code to the utility's tariff; a season without a tariff refuses the mapping. */
export async function resolveMapping(client: pg.PoolClient, utilityId: string, rows: MappingRow[]): Promise<Map<string, TariffTarget>> {
  const seasons = [...new Set(rows.map((r) => r.season))];
  const { rows: tariffs } = await client.query<{ id: string; season: number }>(
    `SELECT id, season FROM tariff WHERE utility_id = $1 AND season = ANY($2::int[])`,
    [utilityId, seasons],
  );
  const bySeason = new Map(tariffs.map((t) => [t.season, t.id]));
  const missing = seasons.filter((s) => !bySeason.has(s));
  if (missing.length) throw new ImportFileError('mapping_no_tariff', { seasons: missing.join(', ') });
  return new Map(rows.map((r) => [r.code, { tariffId: bySeason.get(r.season)!, season: r.season, lowIncome: r.lowIncome }]));
}
