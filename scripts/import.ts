/**
 * Imports a utility's legacy account file:
 *   npm run import -- <file.csv|file.xlsx> --utility <code> --mapping <tariff-mapping.csv> [--dry-run]
 * Writes <file>.report.csv and <file>.report.html beside the file. Importing the same file again
 * changes nothing; a failure leaves the database as it was.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { closeDb } from '../lib/db/client';
import { migrateDeploy } from '../lib/db/prisma-cli';
import { formatMoney } from '../lib/format/money';
import { onboardingMessages } from '../lib/i18n/onboarding';
import { ImportFileError } from '../lib/onboarding/import-error';
import { importLegacyFile } from '../lib/onboarding/import-file';
import { problemMessage } from '../lib/onboarding/problem-message';
import { renderReportHtml } from '../lib/onboarding/report-html';
import { openCliDatabase } from '../lib/runtime/cli-database';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { utility: { type: 'string' }, mapping: { type: 'string' }, 'dry-run': { type: 'boolean' }, batch: { type: 'string' } },
});
const file = positionals[0];
if (!file || !values.utility || !values.mapping) {
  console.error('Usage: npm run import -- <file.csv|file.xlsx> --utility <code> --mapping <tariff-mapping.csv> [--dry-run]');
  process.exit(2);
}
const zh = onboardingMessages('zh');
const en = onboardingMessages('en');
const csvPath = `${file}.report.csv`;
// Written aside and renamed when complete: a refused file never replaces an earlier report.
const partPath = `${csvPath}.part`;
const report = createWriteStream(partPath);

const db = await openCliDatabase();
let exitCode = 0;
try {
  await migrateDeploy(db.url);
  const bar = new SingleBar(
    { format: 'Importing |{bar}| {percentage}% · {rows} rows · {speed} rows/s · {eta_formatted} left' },
    Presets.shades_classic,
  );
  bar.start(1, 0, { rows: 0, speed: 0 });
  const started = Date.now();
  const summary = await importLegacyFile({
    filePath: file,
    fileName: path.basename(file),
    utilityCode: values.utility,
    mappingPath: values.mapping,
    dryRun: values['dry-run'] === true,
    now: new Date(),
    batchSize: values.batch ? Number(values.batch) : undefined,
    reportSink: {
      async write(text) {
        if (!report.write(text)) await once(report, 'drain');
      },
    },
    onProgress: ({ rows, bytes, totalBytes }) => {
      bar.setTotal(totalBytes);
      bar.update(Math.min(bytes, totalBytes), { rows, speed: Math.round(rows / Math.max(0.001, (Date.now() - started) / 1000)) });
    },
  });
  bar.stop();
  report.end();
  await once(report, 'finish');
  // A file imported before keeps the report of that import: this run looked at no rows.
  if (!summary.alreadyImportedAt) {
    await rename(partPath, csvPath);
    await writeFile(`${file}.report.html`, renderReportHtml(summary, zh));
  }
  const seconds = (Date.now() - started) / 1000;
  const c = summary.counts;
  if (summary.alreadyImportedAt) console.info(`\n${zh.report.alreadyImported} / ${en.report.alreadyImported}`);
  else console.info(`\n${summary.dryRun ? zh.report.dryRun : zh.report.committed}`);
  console.info(`${summary.totalRows} rows in ${seconds.toFixed(1)} s (${Math.round(summary.totalRows / seconds)} rows/s), ${summary.encoding}`);
  console.info(`  accepted ${c.accepted} · fixed ${c.fixed} · merged ${c.merged} · unchanged ${c.unchanged} · rejected ${c.rejected}`);
  console.info(`  opening balances ${formatMoney(BigInt(summary.openingBalanceFen))}`);
  const unmapped = Object.entries(summary.unmappedCodes);
  if (unmapped.length) console.info(`  unmapped tariff codes: ${unmapped.map(([code, n]) => `${code} (${n})`).join(', ')}`);
  console.info(`Report: ${csvPath} and ${file}.report.html`);
} catch (error) {
  if (!(error instanceof ImportFileError)) throw error;
  console.error(`\n${problemMessage(error, zh)}\n${problemMessage(error, en)}`);
  exitCode = 2;
} finally {
  report.end();
  await rm(partPath, { force: true });
  await closeDb();
  await db.stop();
}
process.exit(exitCode);
