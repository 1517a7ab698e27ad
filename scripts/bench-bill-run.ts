/**
 * Benchmark of the season bill run: seeds N accounts (default 1,000,000) into a throw-away
 * database on the local PostgreSQL, then issues their bills and prints the time and rate.
 * Usage: npm run bench:bill-run [-- --accounts 1000000 --batch 5000]
 */
import { parseArgs } from 'node:util';
import { HARBIN_LIKE_TARIFF } from '../lib/billing/example-tariffs';
import { issueSeasonBills } from '../lib/bills/issue-bills';
import { saveTariff } from '../lib/bills/save-tariff';
import { closeDb, pool } from '../lib/db/client';
import { formatMoney } from '../lib/format/money';
import { createTestDatabase, testSecrets } from '../tests/support/test-database';

const { values } = parseArgs({ options: { accounts: { type: 'string' }, batch: { type: 'string' } } });
const n = Number(values.accounts ?? 1_000_000);
const batchSize = Number(values.batch ?? 5000);

const db = await createTestDatabase();
Object.assign(process.env, testSecrets(), { DATABASE_URL: db.url });
try {
  const seedStart = Date.now();
  const { rows } = await pool().query<{ id: string }>(
    `INSERT INTO utility (code, name, name_en, hotline, service_promise, payment_settings)
     VALUES ('bench', '压测热力', 'Bench Heating', '96069', '{}', '{}') RETURNING id`,
  );
  const utilityId = rows[0]!.id;
  await pool().query(
    `INSERT INTO station (utility_id, code, name) SELECT $1, 'S' || g, '换热站 ' || g FROM generate_series(1, 100) g`,
    [utilityId],
  );
  await pool().query(
    `INSERT INTO building (station_id, name, address)
     SELECT s.id, s.code || '-' || g, '压测路 ' || g || ' 号' FROM station s, generate_series(1, 100) g WHERE s.utility_id = $1`,
    [utilityId],
  );
  await pool().query(
    `WITH b AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM building)
     INSERT INTO heating_account (utility_id, account_no, holder_name, building_id, unit, address, building_area_m2,
                                  usable_area_m2, status, low_income)
     SELECT $1, 'B' || lpad(g::text, 9, '0'), '住户' || g, b.id, '1-' || (g % 30), '压测小区',
            round((50 + (g::bigint * 7919 % 12000) / 100.0)::numeric, 2), round((40 + (g::bigint * 7919 % 9000) / 100.0)::numeric, 2),
            (CASE WHEN g % 50 = 0 THEN 'SUSPENDED' WHEN g % 97 = 0 THEN 'CLOSED' ELSE 'ACTIVE' END)::account_status, g % 20 = 0
     FROM generate_series(1, $2::int) g JOIN b ON b.i = g % 10000`,
    [utilityId, n],
  );
  await pool().query('ANALYZE heating_account');
  await saveTariff(utilityId, 2026, '压测价格', HARBIN_LIKE_TARIFF);
  console.info(`Seeded ${n.toLocaleString('en')} accounts in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

  const started = Date.now();
  const summary = await issueSeasonBills(2026, new Date('2026-10-15T09:00:00+08:00'), { batchSize });
  const seconds = (Date.now() - started) / 1000;
  console.info(`Bill run: ${summary.issued.toLocaleString('en')} bills in ${seconds.toFixed(1)} s — ${Math.round(summary.issued / seconds).toLocaleString('en')} bills/s`);
  console.info(`  total principal ${formatMoney(summary.totalPrincipalFen)}; skipped closed ${summary.skipped.closed}, no tariff ${summary.skipped.no_tariff}`);
  const again = Date.now();
  const second = await issueSeasonBills(2026, new Date(), { batchSize });
  console.info(`Second run (idempotent): ${second.issued} new bills, ${second.skipped.already_issued.toLocaleString('en')} already issued, ${((Date.now() - again) / 1000).toFixed(1)} s`);
  console.info(`Peak RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
} finally {
  await closeDb();
  await db.drop();
}
