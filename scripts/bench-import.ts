/**
 * Import benchmark: `npm run bench:import [-- --rows 1000000 --messy]`. Generates a legacy CSV
 * (GBK) and imports it into a fresh utility on the CLI database, printing rows/s and peak memory.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { HARBIN_LIKE_TARIFF } from '../lib/billing/example-tariffs';
import { saveTariff } from '../lib/bills/save-tariff';
import { closeDb } from '../lib/db/client';
import { migrateDeploy } from '../lib/db/prisma-cli';
import { mappingCsv } from '../lib/onboarding/generate-legacy';
import { importLegacyFile } from '../lib/onboarding/import-file';
import { writeLegacyFile } from '../lib/onboarding/write-legacy-file';
import { openCliDatabase } from '../lib/runtime/cli-database';
import { seedUtility } from '../lib/seed/records';

const { values } = parseArgs({ options: { rows: { type: 'string' }, messy: { type: 'boolean' }, keep: { type: 'boolean' } } });
const rows = Number(values.rows ?? 1_000_000);
const dir = await mkdtemp(path.join(tmpdir(), 'nuanxin-bench-import-'));
const file = path.join(dir, 'accounts.csv');
const mapping = path.join(dir, 'mapping.csv');
let t = Date.now();
await writeLegacyFile({ path: file, rows, messy: values.messy === true, encoding: 'gbk' });
await writeFile(mapping, mappingCsv());
console.info(`Generated ${rows} rows (${((await stat(file)).size / 1e6).toFixed(0)} MB, GBK) in ${((Date.now() - t) / 1000).toFixed(1)} s`);

const db = await openCliDatabase();
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
try {
  await migrateDeploy(db.url);
  const code = `bench-${randomBytes(3).toString('hex')}`;
  const utilityId = await seedUtility({ code, name: '基准测试热力', nameEn: 'Benchmark Heating', hotline: '96069' });
  await saveTariff(utilityId, 2026, '基准测试 2026', HARBIN_LIKE_TARIFF);
  const bar = new SingleBar({ format: 'Importing |{bar}| {percentage}% · {rows} rows · {eta_formatted} left' }, Presets.shades_classic);
  bar.start(1, 0, { rows: 0 });
  t = Date.now();
  const summary = await importLegacyFile({
    filePath: file, fileName: 'accounts.csv', utilityCode: code, mappingPath: mapping, dryRun: false, now: new Date(),
    onProgress: (p) => {
      bar.setTotal(p.totalBytes);
      bar.update(Math.min(p.bytes, p.totalBytes), { rows: p.rows });
    },
  });
  bar.stop();
  const seconds = (Date.now() - t) / 1000;
  const c = summary.counts;
  console.info(`\nImported ${summary.totalRows} rows in ${seconds.toFixed(1)} s: ${Math.round(summary.totalRows / seconds)} rows/s`);
  console.info(`  accepted ${c.accepted} · fixed ${c.fixed} · merged ${c.merged} · unchanged ${c.unchanged} · rejected ${c.rejected}`);
  console.info(`  peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
} finally {
  clearInterval(sampler);
  await closeDb();
  await db.stop();
  if (!values.keep) await rm(dir, { recursive: true, force: true });
}
