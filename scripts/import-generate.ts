/**
 * Writes a generated legacy account file and its tariff mapping for trying the import:
 *   npm run import:generate -- <out.csv|out.xlsx> [--rows 1000] [--messy] [--encoding gbk|utf8|utf8-bom]
 * The mapping goes to <out>.mapping.csv.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { mappingCsv } from '../lib/onboarding/generate-legacy';
import { writeLegacyFile } from '../lib/onboarding/write-legacy-file';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rows: { type: 'string' }, messy: { type: 'boolean' }, encoding: { type: 'string' }, seed: { type: 'string' } },
});
const out = positionals[0];
const rows = Number(values.rows ?? 1000);
const encoding = values.encoding ?? 'utf8-bom';
if (!out || !Number.isInteger(rows) || rows < 1 || !['gbk', 'utf8', 'utf8-bom'].includes(encoding)) {
  console.error('Usage: npm run import:generate -- <out.csv|out.xlsx> [--rows 1000] [--messy] [--encoding gbk|utf8|utf8-bom]');
  process.exit(2);
}
await writeLegacyFile({ path: out, rows, messy: values.messy === true, encoding: encoding as 'gbk' | 'utf8' | 'utf8-bom', seed: values.seed ? Number(values.seed) : undefined });
await writeFile(`${out}.mapping.csv`, mappingCsv());
console.info(`Wrote ${rows} rows to ${out} and the mapping to ${out}.mapping.csv`);
