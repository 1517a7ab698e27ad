import type pg from 'pg';
import { OPENING_SEASON } from '@/lib/bills/opening-bill';
import { blindIndex, encryptField, type PiiKeyring } from '@/lib/privacy/field-crypto';
import { maskIdNumber, maskName, maskPhone } from '@/lib/privacy/mask';
import { cleanRow, type CleanRow } from './clean-row';
import type { RawRow } from './columns';
import type { TariffTarget } from './mapping';
import type { PlaceCache } from './places';
import type { ReportRow } from './report';

/**
 * One batch of rows through cleaning steps 1–3 and into the database: rows are cleaned and their
 * tariff code mapped; an account number already stored is left as it is ('unchanged', or a
 * duplicate when this same import stored it); a household whose phone and property certificate
 * match an account already stored or earlier in the batch is merged into it and listed. The
 * rest are inserted with typed arrays in one statement. Returns each row's outcome in file order.
 */
export interface BatchContext {
  client: pg.PoolClient;
  utilityId: string;
  importId: string;
  mapping: Map<string, TariffTarget>;
  places: PlaceCache;
  ring: PiiKeyring;
  now: Date;
  unmappedCodes: Record<string, number>;
}

export interface SourceRow {
  line: number;
  raw: RawRow;
}

interface Candidate {
  line: number;
  row: CleanRow;
  target: TariffTarget;
  phoneHash: string | null;
  report: ReportRow;
}

const dupKey = (c: Candidate) => (c.phoneHash && c.row.certificateNo ? `${c.phoneHash}\u0000${c.row.certificateNo}` : null);

function baseReport(line: number, raw: RawRow, row?: CleanRow): ReportRow {
  return {
    line,
    accountNo: (row?.accountNo ?? raw.accountNo).trim(),
    holder: maskName(row?.holderName ?? raw.holderName),
    phone: maskPhone(row?.phone ?? raw.phone),
    idNumber: maskIdNumber(row?.idNumber ?? raw.idNumber.replace(/\s/g, '')),
    outcome: 'rejected',
    fixes: [],
  };
}

/**
 * Lookups go key by key through the indexes (LATERAL … LIMIT 1): the import's own rows are not yet
 * in the planner's statistics, and a plan that scans the table would make each batch slower
 * than the last.
 */
async function storedAccountNos(ctx: BatchContext, accountNos: string[]): Promise<Map<string, string | null>> {
  const { rows } = await ctx.client.query<{ account_no: string; import_id: string | null }>(
    `SELECT k.no AS account_no, coalesce(acc.import_id, mer.import_id) AS import_id
     FROM unnest($2::text[]) AS k(no)
     LEFT JOIN LATERAL (
       SELECT a.id, ia.import_id FROM heating_account a LEFT JOIN imported_account ia ON ia.account_id = a.id
       WHERE a.utility_id = $1 AND a.account_no = k.no LIMIT 1) acc ON true
     LEFT JOIN LATERAL (
       SELECT m.import_id FROM import_merge m JOIN heating_account a ON a.id = m.account_id
       WHERE m.legacy_account_no = k.no AND a.utility_id = $1 LIMIT 1) mer ON acc.id IS NULL
     WHERE acc.id IS NOT NULL OR mer.import_id IS NOT NULL`,
    [ctx.utilityId, accountNos],
  );
  return new Map(rows.map((r) => [r.account_no, r.import_id]));
}

async function storedHouseholds(ctx: BatchContext, keyed: Candidate[]): Promise<Map<string, { id: string; accountNo: string }>> {
  if (keyed.length === 0) return new Map();
  const { rows } = await ctx.client.query<{ id: string; account_no: string; h: string; c: string }>(
    `SELECT a.id, a.account_no, k.h, k.c FROM unnest($2::text[], $3::text[]) AS k(h, c)
     JOIN LATERAL (
       SELECT id, account_no FROM (
         -- OFFSET 0 keeps the utility condition outside: the planner would otherwise take the
         -- utility's index, thinking a brand-new utility has one row, and filter every account of it.
         SELECT id, account_no, utility_id, created_at FROM heating_account
         WHERE holder_phone_hash = k.h AND certificate_no = k.c OFFSET 0) same
       WHERE same.utility_id = $1 ORDER BY created_at, account_no LIMIT 1) a ON true`,
    [ctx.utilityId, keyed.map((c) => c.phoneHash), keyed.map((c) => c.row.certificateNo)],
  );
  return new Map(rows.map((r) => [`${r.h}\u0000${r.c}`, { id: r.id, accountNo: r.account_no }]));
}

export async function processBatch(ctx: BatchContext, source: SourceRow[]): Promise<ReportRow[]> {
  const reports: ReportRow[] = [];
  const candidates: Candidate[] = [];
  const seenNos = new Set<string>();
  for (const { line, raw } of source) {
    const cleaned = cleanRow(raw, ctx.now);
    if (!cleaned.ok) {
      reports.push({ ...baseReport(line, raw), reason: cleaned.reason, reasonParams: { fields: cleaned.fields.join(',') }, fixes: cleaned.fixes });
      continue;
    }
    const { row } = cleaned;
    const report = { ...baseReport(line, raw, row), fixes: row.fixes };
    reports.push(report);
    const target = ctx.mapping.get(row.tariffCode);
    if (!target) {
      ctx.unmappedCodes[row.tariffCode] = (ctx.unmappedCodes[row.tariffCode] ?? 0) + 1;
      Object.assign(report, { reason: 'tariff_unmapped', reasonParams: { code: row.tariffCode } });
      continue;
    }
    if (seenNos.has(row.accountNo)) {
      report.reason = 'duplicate_account_no';
      continue;
    }
    seenNos.add(row.accountNo);
    const phoneHash = row.phone ? blindIndex(row.phone, ctx.ring, 'phone') : null;
    candidates.push({ line, row, target, phoneHash, report });
  }

  const stored = await storedAccountNos(ctx, candidates.map((c) => c.row.accountNo));
  const fresh: Candidate[] = [];
  for (const c of candidates) {
    if (!stored.has(c.row.accountNo)) fresh.push(c);
    else if (stored.get(c.row.accountNo) === ctx.importId) c.report.reason = 'duplicate_account_no';
    else c.report.outcome = 'unchanged';
  }

  const households = await storedHouseholds(ctx, fresh.filter((c) => dupKey(c) !== null));
  const firstInBatch = new Map<string, Candidate>();
  const inserts: Candidate[] = [];
  const merges: { c: Candidate; into: Candidate | { id: string; accountNo: string } }[] = [];
  for (const c of fresh) {
    const key = dupKey(c);
    const into = key ? (households.get(key) ?? firstInBatch.get(key)) : undefined;
    if (into) {
      merges.push({ c, into });
      continue;
    }
    if (key) firstInBatch.set(key, c);
    inserts.push(c);
  }

  const ids = await insertAccounts(ctx, inserts);
  // An account number another writer stored a moment ago is left alone, like any stored one.
  for (const c of inserts) c.report.outcome = !ids.has(c.row.accountNo) ? 'unchanged' : c.row.fixes.length ? 'fixed' : 'accepted';
  const resolved: { c: Candidate; target: { id: string; accountNo: string } }[] = [];
  for (const { c, into } of merges) {
    const target = 'report' in into ? { id: ids.get(into.row.accountNo), accountNo: into.row.accountNo } : into;
    if (!target.id) {
      c.report.outcome = 'unchanged';
      continue;
    }
    c.report.outcome = 'merged';
    c.report.mergedInto = target.accountNo;
    resolved.push({ c, target: { id: target.id, accountNo: target.accountNo } });
  }
  if (resolved.length) {
    await ctx.client.query(
      `INSERT INTO import_merge (import_id, account_id, source_row, legacy_account_no, opening_balance_fen)
       SELECT $1, account_id, source_row, account_no, balance FROM unnest($2::uuid[], $3::int[], $4::text[], $5::bigint[])
         AS x(account_id, source_row, account_no, balance)`,
      [
        ctx.importId,
        resolved.map((r) => r.target.id),
        resolved.map((r) => r.c.line),
        resolved.map((r) => r.c.row.accountNo),
        resolved.map((r) => r.c.row.openingBalanceFen.toString()),
      ],
    );
  }
  for (const r of reports) if (r.reason) r.outcome = 'rejected';
  return reports;
}

async function insertAccounts(ctx: BatchContext, rows: Candidate[]): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const buildings: string[] = [];
  for (const c of rows) buildings.push(await ctx.places.building(c.row.station, c.row.building, c.row.address));
  const { ring } = ctx;
  const inserted = await ctx.client.query<{ id: string; account_no: string }>(
    `INSERT INTO heating_account (utility_id, building_id, account_no, holder_name, holder_phone_enc, holder_phone_hash,
       holder_id_no_enc, holder_id_no_hash, unit, address, building_area_m2, usable_area_m2, certificate_no, status, low_income)
     SELECT $1, building_id, account_no, holder_name, phone_enc, phone_hash, id_enc, id_hash, unit, address, building_area,
            usable_area, certificate_no, status::account_status, low_income
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                 $11::numeric[], $12::numeric[], $13::text[], $14::text[], $15::bool[])
       AS x(building_id, account_no, holder_name, phone_enc, phone_hash, id_enc, id_hash, unit, address, building_area,
            usable_area, certificate_no, status, low_income)
     ON CONFLICT (utility_id, account_no) DO NOTHING
     RETURNING id, account_no`,
    [
      ctx.utilityId,
      buildings,
      rows.map((c) => c.row.accountNo),
      rows.map((c) => c.row.holderName),
      rows.map((c) => (c.row.phone ? encryptField(c.row.phone, ring) : null)),
      rows.map((c) => c.phoneHash),
      rows.map((c) => (c.row.idNumber ? encryptField(c.row.idNumber, ring) : null)),
      rows.map((c) => (c.row.idNumber ? blindIndex(c.row.idNumber, ring, 'id-number') : null)),
      rows.map((c) => c.row.unit),
      rows.map((c) => c.row.address),
      rows.map((c) => c.row.buildingAreaM2),
      rows.map((c) => c.row.usableAreaM2),
      rows.map((c) => c.row.certificateNo),
      rows.map((c) => c.row.status),
      rows.map((c) => c.target.lowIncome),
    ],
  );
  const ids = new Map(inserted.rows.map((r) => [r.account_no, r.id]));
  const kept = rows.filter((c) => ids.has(c.row.accountNo));
  await ctx.client.query(
    `INSERT INTO imported_account (account_id, import_id, source_row, legacy_tariff_code, tariff_id, opening_balance_fen, balance_as_of)
     SELECT account_id, $1, source_row, code, tariff_id, balance, $2
     FROM unnest($3::uuid[], $4::int[], $5::text[], $6::uuid[], $7::bigint[]) AS x(account_id, source_row, code, tariff_id, balance)`,
    [
      ctx.importId,
      ctx.now,
      kept.map((c) => ids.get(c.row.accountNo)!),
      kept.map((c) => c.line),
      kept.map((c) => c.row.tariffCode),
      kept.map((c) => c.target.tariffId),
      kept.map((c) => c.row.openingBalanceFen.toString()),
    ],
  );
  // A debt carried over becomes an opening bill, paid like any bill (lib/bills/opening-bill.ts).
  // Credits stay stated on the account; merged rows' balances wait for their review.
  const owing = kept.filter((c) => c.row.openingBalanceFen > 0n);
  if (owing.length) {
    await ctx.client.query(
      `INSERT INTO bill (account_id, utility_id, tariff_id, season, kind, status, building_area_m2, usable_area_m2, suspended,
                         low_income, principal_fen, charge_lines, issued_at)
       SELECT account_id, $1, tariff_id, ${OPENING_SEASON}, 'OPENING', 'ISSUED', building, usable, false, false, balance,
              jsonb_build_array(jsonb_build_object('code', 'OPENING', 'label', '原系统结转欠费', 'amountFen', balance::text)), $2
       FROM unnest($3::uuid[], $4::uuid[], $5::numeric[], $6::numeric[], $7::bigint[]) AS x(account_id, tariff_id, building, usable, balance)`,
      [
        ctx.utilityId,
        ctx.now,
        owing.map((c) => ids.get(c.row.accountNo)!),
        owing.map((c) => c.target.tariffId),
        owing.map((c) => c.row.buildingAreaM2),
        owing.map((c) => c.row.usableAreaM2),
        owing.map((c) => c.row.openingBalanceFen.toString()),
      ],
    );
  }
  return ids;
}
