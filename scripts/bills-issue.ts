/**
 * The season bill run: `npm run bills:issue -- --season 2026 [--at 2026-10-15T09:00:00+08:00]`.
 * Issues one bill per active or suspended account; running it again creates nothing new.
 */
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { closeDb } from '../lib/db/client';
import { countBillableAccounts, issueSeasonBills } from '../lib/bills/issue-bills';
import { formatMoney } from '../lib/format/money';
import { migrateDeploy } from '../lib/db/prisma-cli';
import { openCliDatabase } from '../lib/runtime/cli-database';

const { values } = parseArgs({ options: { season: { type: 'string' }, at: { type: 'string' }, batch: { type: 'string' } } });
const season = Number(values.season);
if (!Number.isInteger(season) || season < 2000 || season > 2100) {
  console.error('Usage: npm run bills:issue -- --season 2026 [--at <ISO instant with offset>] [--batch 5000]');
  process.exit(2);
}
const issuedAt = values.at ? new Date(values.at) : new Date();
if (Number.isNaN(issuedAt.getTime())) {
  console.error(`--at "${values.at}" is not an instant; write it like 2026-10-15T09:00:00+08:00`);
  process.exit(2);
}

const db = await openCliDatabase();
try {
  await migrateDeploy(db.url);
  const total = await countBillableAccounts();
  const bar = new SingleBar({ format: 'Issuing bills |{bar}| {percentage}% · {value}/{total} accounts · {eta_formatted} left' }, Presets.shades_classic);
  bar.start(total, 0);
  const started = Date.now();
  const summary = await issueSeasonBills(season, issuedAt, {
    batchSize: values.batch ? Number(values.batch) : undefined,
    onBatch: (examined) => bar.update(examined),
  });
  bar.stop();
  const seconds = (Date.now() - started) / 1000;
  console.info(`\nSeason ${season}: ${summary.issued} bills issued, total principal ${formatMoney(summary.totalPrincipalFen)}, in ${seconds.toFixed(1)} s`);
  console.info(`Examined ${summary.examined} accounts; skipped:`);
  console.info(`  already issued  ${summary.skipped.already_issued}`);
  console.info(`  closed account  ${summary.skipped.closed}`);
  console.info(`  no tariff for the utility this season  ${summary.skipped.no_tariff}`);
} finally {
  await closeDb();
  await db.stop();
}
