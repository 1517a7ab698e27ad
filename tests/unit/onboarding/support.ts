import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HARBIN_LIKE_TARIFF } from '@/lib/billing/example-tariffs';
import { saveTariff } from '@/lib/bills/save-tariff';
import { pool } from '@/lib/db/client';
import { mappingCsv } from '@/lib/onboarding/generate-legacy';
import { writeLegacyFile, type WriteOptions } from '@/lib/onboarding/write-legacy-file';
import { seedUtility } from '@/lib/seed/records';

/** A utility of its own for each test (tests run in parallel on one database), with a 2026 tariff. */
export async function freshUtility(): Promise<{ code: string; id: string }> {
  const code = `import-${randomBytes(4).toString('hex')}`;
  const id = await seedUtility({ code, name: '导入测试热力', nameEn: 'Import Test Heating', hotline: '0451-96069' });
  await saveTariff(id, 2026, '导入测试 2026', HARBIN_LIKE_TARIFF);
  return { code, id };
}

export async function workDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'nuanxin-import-'));
}

export async function legacyFile(dir: string, name: string, o: Omit<WriteOptions, 'path'>): Promise<{ file: string; mapping: string }> {
  const file = path.join(dir, name);
  await writeLegacyFile({ ...o, path: file });
  const mapping = path.join(dir, `${name}.mapping.csv`);
  await writeFile(mapping, mappingCsv());
  return { file, mapping };
}

export async function countFor(utilityId: string): Promise<Record<string, number>> {
  const { rows } = await pool().query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM heating_account WHERE utility_id = $1)::text AS accounts,
            (SELECT count(*) FROM import_batch WHERE utility_id = $1)::text AS batches,
            (SELECT count(*) FROM imported_account ia JOIN heating_account a ON a.id = ia.account_id WHERE a.utility_id = $1)::text AS imported,
            (SELECT count(*) FROM import_merge m JOIN heating_account a ON a.id = m.account_id WHERE a.utility_id = $1)::text AS merges,
            (SELECT count(*) FROM station WHERE utility_id = $1)::text AS stations`,
    [utilityId],
  );
  return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)]));
}
