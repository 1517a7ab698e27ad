import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, pool } from '@/lib/db/client';
import { env } from '@/lib/env';
import { legacyRows } from '@/lib/onboarding/generate-legacy';
import { importLegacyFile } from '@/lib/onboarding/import-file';
import { decryptField, encryptField, fieldKeyId } from '@/lib/privacy/field-crypto';
import { parseIdNumber } from '@/lib/privacy/id-number';
import { freshUtility, legacyFile, workDir } from './support';

afterAll(async () => {
  await closeDb();
});

const NOW = new Date('2026-11-25T10:00:00+08:00');
const ROWS = 200;

/**
 * Everything the database holds, as a dump would: every row of every table of every schema
 * (pg_dump of the system's PostgreSQL 15 refuses a 17 server, so each table is read as text).
 */
async function dumpEverything(): Promise<string> {
  const { rows: tables } = await pool().query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  const parts: string[] = [];
  for (const t of tables) {
    const { rows } = await pool().query<{ line: string }>(`SELECT t::text AS line FROM "${t.schema}"."${t.name}" t`);
    parts.push(`-- ${t.schema}.${t.name}`, ...rows.map((r) => r.line));
  }
  return parts.join('\n');
}

describe('personal data at rest', () => {
  it('round-trips through the configured keyring, with its key id', () => {
    const ring = env().piiKeyring;
    const stored = encryptField('11010519491231002X', ring);
    expect(fieldKeyId(stored)).toBe(ring.activeKeyId);
    expect(decryptField(stored, ring)).toBe('11010519491231002X');
  });

  it('after an import no phone or ID number of the file appears in clear anywhere in the database', async () => {
    const utility = await freshUtility();
    const { file, mapping } = await legacyFile(await workDir(), 'dump.csv', { rows: ROWS, messy: true, encoding: 'gbk' });
    const summary = await importLegacyFile({ filePath: file, fileName: 'dump.csv', utilityCode: utility.code, mappingPath: mapping, dryRun: false, now: NOW, storeReportCsv: true });
    expect(summary.counts.accepted + summary.counts.fixed).toBeGreaterThan(0);

    const dump = await dumpEverything();
    expect(dump).toContain('LG00000000');
    const secrets = new Set<string>();
    for (const row of legacyRows(ROWS, { messy: true })) {
      const phone = row.phone.replace(/\D/g, '').slice(-11);
      if (phone.length === 11) secrets.add(phone);
      const id = parseIdNumber(row.idNumber, NOW);
      if (id.ok) secrets.add(id.value);
      if (row.idNumber.length >= 15) secrets.add(row.idNumber.slice(0, 14));
    }
    expect(secrets.size).toBeGreaterThan(300);
    const leaked = [...secrets].filter((s) => dump.includes(s));
    expect(leaked).toEqual([]);

    // The stored ciphertexts do decrypt to the file's values: encrypted, not dropped.
    const { rows } = await pool().query<{ enc: string }>(
      `SELECT holder_phone_enc AS enc FROM heating_account WHERE utility_id = $1 AND account_no = 'LG00000000'`,
      [utility.id],
    );
    expect(decryptField(rows[0]!.enc, env().piiKeyring)).toBe('19900000000');
  });
});
