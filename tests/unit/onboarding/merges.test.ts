import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { StaffIdentity } from '@/lib/auth/current';
import { closeDb, pool } from '@/lib/db/client';
import { MESSY_CASES } from '@/lib/onboarding/generate-legacy';
import { importLegacyFile } from '@/lib/onboarding/import-file';
import { listPendingMerges, markMergeReviewed } from '@/lib/onboarding/merges';
import { seedStaff } from '@/lib/seed/records';
import { freshUtility, legacyFile, workDir } from './support';

afterAll(async () => {
  await closeDb();
});

const NOW = new Date('2026-11-25T10:00:00+08:00');

async function staff(utilityId: string, role: StaffIdentity['role']): Promise<StaffIdentity> {
  const username = `merge-${randomBytes(4).toString('hex')}`;
  const staffId = await seedStaff({ utilityId, username, password: 'correct horse battery', name: '复核员', role });
  return { staffId, sid: 'test', utilityId, role, name: '复核员', username };
}

describe('reviewing import merges', () => {
  it('lists pending merges of the utility and marks each reviewed once, with who and when, audited', async () => {
    const utility = await freshUtility();
    const other = await freshUtility();
    const dir = await workDir();
    const { file, mapping } = await legacyFile(dir, 'merges.csv', { rows: 2 * MESSY_CASES.length, messy: true, encoding: 'utf8' });
    const summary = await importLegacyFile({ filePath: file, fileName: 'merges.csv', utilityCode: utility.code, mappingPath: mapping, dryRun: false, now: NOW });
    expect(summary.counts.merged).toBe(2);

    const pending = await listPendingMerges(utility.id);
    expect(pending).toHaveLength(2);
    expect(pending.every((p) => p.fileName === 'merges.csv' && p.accountNo.startsWith('LG'))).toBe(true);
    expect(await listPendingMerges(other.id)).toEqual([]);

    const [first, second] = pending as [(typeof pending)[0], (typeof pending)[0]];
    const admin = await staff(utility.id, 'ADMIN');
    await expect(markMergeReviewed(await staff(utility.id, 'AGENT'), first.id, '127.0.0.1', NOW)).rejects.toMatchObject({ code: 'forbidden' });
    // Another utility's administrator does not even learn that the merge exists.
    await expect(markMergeReviewed(await staff(other.id, 'ADMIN'), first.id, '127.0.0.1', NOW)).rejects.toMatchObject({ code: 'not_found' });

    await markMergeReviewed(admin, first.id, '10.0.0.8', NOW);
    const { rows } = await pool().query<{ reviewed_at: Date; reviewed_by: string }>(`SELECT reviewed_at, reviewed_by FROM import_merge WHERE id = $1`, [first.id]);
    expect(rows[0]).toEqual({ reviewed_at: NOW, reviewed_by: admin.staffId });
    const audit = await pool().query<{ actor_id: string; entity_id: string; ip: string; at: Date }>(
      `SELECT actor_id, entity_id, ip, at FROM audit_log WHERE action = 'import.merge_reviewed' AND utility_id = $1`,
      [utility.id],
    );
    expect(audit.rows).toEqual([{ actor_id: admin.staffId, entity_id: first.id, ip: '10.0.0.8', at: NOW }]);
    expect((await listPendingMerges(utility.id)).map((p) => p.id)).toEqual([second.id]);

    // Twice is refused, and changes nothing.
    await expect(markMergeReviewed(admin, first.id, '10.0.0.8', new Date(NOW.getTime() + 60_000))).rejects.toMatchObject({ code: 'invalid_transition' });
    expect((await pool().query(`SELECT reviewed_at FROM import_merge WHERE id = $1`, [first.id])).rows[0]).toEqual({ reviewed_at: NOW });
    await expect(markMergeReviewed(admin, '999999999999', '10.0.0.8', NOW)).rejects.toMatchObject({ code: 'not_found' });
  });
});
