import { compileTariff, quoteBill, type CompiledTariff, type Property } from '@/lib/billing';
import { pool } from '@/lib/db/client';
import { TARIFF_COLUMNS, toTariff, type TariffRecord } from './tariff-record';

/**
 * The season bill run: one bill per active or suspended account, charges computed by the billing
 * core and frozen on the bill. Batches commit one by one and a bill that exists is never touched,
 * so an interrupted run is simply started again, and a second run creates nothing.
 */
export interface IssueSummary {
  season: number;
  examined: number;
  issued: number;
  totalPrincipalFen: bigint;
  skipped: Record<SkipReason, number>;
}

export type SkipReason = 'already_issued' | 'closed' | 'no_tariff';

interface AccountRow {
  id: string;
  utility_id: string;
  building_area: string;
  usable_area: string;
  status: 'ACTIVE' | 'SUSPENDED' | 'CLOSED';
  low_income: boolean;
  gj: string | null;
}

async function loadTariffs(season: number): Promise<Map<string, { id: string; compiled: CompiledTariff }>> {
  const { rows } = await pool().query<TariffRecord>(`SELECT ${TARIFF_COLUMNS} FROM tariff t WHERE t.season = $1`, [season]);
  return new Map(rows.map((r) => [r.utility_id, { id: r.id, compiled: compileTariff(toTariff(r)) }]));
}

export async function countBillableAccounts(): Promise<number> {
  const { rows } = await pool().query<{ n: string }>(`SELECT count(*)::text AS n FROM heating_account`);
  return Number(rows[0]?.n ?? 0);
}

export async function issueSeasonBills(
  season: number,
  issuedAt: Date,
  options: { batchSize?: number; onBatch?: (examined: number) => void; accountIds?: string[] } = {},
): Promise<IssueSummary> {
  const batchSize = options.batchSize ?? 5000;
  const tariffs = await loadTariffs(season);
  const summary: IssueSummary = {
    season,
    examined: 0,
    issued: 0,
    totalPrincipalFen: 0n,
    skipped: { already_issued: 0, closed: 0, no_tariff: 0 },
  };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await pool().query<AccountRow>(
      `SELECT a.id, a.utility_id, a.building_area_m2::text AS building_area, a.usable_area_m2::text AS usable_area,
              a.status, a.low_income, m.gj::text AS gj
       FROM heating_account a
       LEFT JOIN meter_reading m ON m.account_id = a.id AND m.season = $1
       WHERE a.id > $2 AND ($4::uuid[] IS NULL OR a.id = ANY($4)) ORDER BY a.id LIMIT $3`,
      [season, after, batchSize, options.accountIds ?? null],
    );
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const batch = {
      account: [] as string[], utility: [] as string[], tariff: [] as string[], building: [] as string[],
      usable: [] as string[], gj: [] as (string | null)[], suspended: [] as boolean[], lowIncome: [] as boolean[],
      principal: [] as string[], lines: [] as string[],
    };
    const principals = new Map<string, bigint>();
    for (const a of rows) {
      summary.examined++;
      if (a.status === 'CLOSED') {
        summary.skipped.closed++;
        continue;
      }
      const tariff = tariffs.get(a.utility_id);
      if (!tariff) {
        summary.skipped.no_tariff++;
        continue;
      }
      const property: Property = {
        buildingAreaM2: a.building_area,
        usableAreaM2: a.usable_area,
        meteredGJ: a.gj,
        suspended: a.status === 'SUSPENDED',
        lowIncome: a.low_income,
      };
      const quote = quoteBill(tariff.compiled, property, [], issuedAt);
      batch.account.push(a.id);
      batch.utility.push(a.utility_id);
      batch.tariff.push(tariff.id);
      batch.building.push(a.building_area);
      batch.usable.push(a.usable_area);
      batch.gj.push(a.gj);
      batch.suspended.push(property.suspended === true);
      batch.lowIncome.push(a.low_income);
      batch.principal.push(quote.principalFen.toString());
      batch.lines.push(JSON.stringify(quote.lines.map((l) => ({ code: l.code, label: l.label, amountFen: l.amountFen.toString() }))));
      principals.set(a.id, quote.principalFen);
    }
    if (batch.account.length > 0) {
      const inserted = await pool().query<{ account_id: string }>(
        `INSERT INTO bill (account_id, utility_id, tariff_id, season, status, building_area_m2, usable_area_m2, metered_gj,
                           suspended, low_income, principal_fen, charge_lines, issued_at)
         SELECT account_id, utility_id, tariff_id, $11, 'ISSUED', building, usable, gj, suspended, low_income, principal, lines, $12
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::numeric[], $5::numeric[], $6::numeric[], $7::bool[], $8::bool[],
                     $9::bigint[], $10::jsonb[])
              AS x(account_id, utility_id, tariff_id, building, usable, gj, suspended, low_income, principal, lines)
         ON CONFLICT (account_id, season) DO NOTHING
         RETURNING account_id`,
        [
          batch.account, batch.utility, batch.tariff, batch.building, batch.usable, batch.gj, batch.suspended,
          batch.lowIncome, batch.principal, batch.lines, season, issuedAt,
        ],
      );
      summary.issued += inserted.rows.length;
      summary.skipped.already_issued += batch.account.length - inserted.rows.length;
      for (const r of inserted.rows) summary.totalPrincipalFen += principals.get(r.account_id) ?? 0n;
    }
    options.onBatch?.(summary.examined);
  }
  return summary;
}
