import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, pool } from '@/lib/db/client';
import { createApiKey, verifyApiKey } from '@/lib/complaints/api-keys';
import { ingestMentions } from '@/lib/complaints/ingest-mentions';
import { boss } from '@/lib/jobs/boss';
import { seedTown } from './support';

afterAll(async () => {
  await (await boss()).stop({ graceful: false, wait: true });
  await closeDb();
});

async function incidentsOf(utilityId: string) {
  const { rows } = await pool().query<{ term: string; day: string; trigger_count: number }>(
    `SELECT term, to_char(day, 'YYYY-MM-DD') AS day, trigger_count FROM incident WHERE utility_id = $1 AND kind = 'TERM_SURGE'`,
    [utilityId],
  );
  return rows;
}

describe('surge radar', () => {
  it('60 mentions arriving together open exactly one incident for the term and day, and exactly one work order', async () => {
    const { utilityId } = await seedTown();
    // 冻得嘶哈的 keeps the default threshold of 50.
    const now = new Date('2026-11-25T03:00:00Z');
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => ingestMentions(utilityId, [{ text: `第${i}户：屋里冻得嘶哈的` }], now)),
    );
    expect(results.flatMap((r) => r.incidentsOpened)).toHaveLength(1);
    expect(await incidentsOf(utilityId)).toEqual([{ term: '冻得嘶哈的', day: '2026-11-25', trigger_count: 50 }]);
    const { rows } = await pool().query(`SELECT count FROM mention_count WHERE utility_id = $1 AND term = '冻得嘶哈的'`, [utilityId]);
    expect(rows[0].count).toBe(60);
    const orders = await pool().query(
      `SELECT w.kind, w.priority, w.state FROM work_order w JOIN incident i ON i.id = w.incident_id WHERE i.utility_id = $1`,
      [utilityId],
    );
    expect(orders.rows).toEqual([{ kind: 'INCIDENT', priority: 'HIGH', state: 'OPEN' }]);
  });

  it('counts per Shanghai day and opens again on the next day', async () => {
    const { utilityId } = await seedTown();
    const items = (iso: string) => Array.from({ length: 5 }, () => ({ text: '小区里一股煤气味', at: new Date(iso) }));
    // 煤气味 opens on 3 mentions; 15:59Z and 16:00Z are two different Shanghai days.
    await ingestMentions(utilityId, items('2026-11-25T15:59:00Z'), new Date('2026-11-25T16:30:00Z'));
    await ingestMentions(utilityId, items('2026-11-25T16:00:00Z'), new Date('2026-11-25T16:30:00Z'));
    expect((await incidentsOf(utilityId)).map((i) => i.day).sort()).toEqual(['2026-11-25', '2026-11-26']);
  });

  it('ignores negated text and counts a term once per text', async () => {
    const { utilityId } = await seedTown();
    const result = await ingestMentions(utilityId, [{ text: '暖气不冷，挺好' }, { text: '冰凉冰凉，冰凉' }, { text: '今天天气不错' }], new Date());
    expect(result).toMatchObject({ accepted: 3, matched: 1, incidentsOpened: [] });
    const { rows } = await pool().query<{ term: string; count: number }>(`SELECT term, count FROM mention_count WHERE utility_id = $1 ORDER BY term`, [utilityId]);
    expect(rows.every((r) => r.count === 1)).toBe(true);
  });

  it('follows the utility’s own edits of the library', async () => {
    const { utilityId } = await seedTown();
    await ingestMentions(utilityId, [{ text: '暖气不热' }], new Date());
    await pool().query(`UPDATE hotword_term SET daily_threshold = 2 WHERE utility_id = $1 AND term = '暖气不热'`, [utilityId]);
    const { forgetHotwordLibrary } = await import('@/lib/complaints/hotword-library');
    forgetHotwordLibrary(utilityId);
    const result = await ingestMentions(utilityId, [{ text: '暖气不热' }], new Date());
    expect(result.incidentsOpened).toHaveLength(1);
  });
});

describe('API keys', () => {
  it('verifies a key it issued, and nothing else', async () => {
    const { utilityId } = await seedTown();
    const { key } = await createApiKey(utilityId, '热线转写', new Date());
    expect(await verifyApiKey(key, new Date())).toMatchObject({ utilityId });
    expect(await verifyApiKey(`${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`, new Date())).toBeNull();
    expect(await verifyApiKey('nxk_000000000000_' + 'a'.repeat(43), new Date())).toBeNull();
    expect(await verifyApiKey('Bearer nonsense', new Date())).toBeNull();
    const stored = await pool().query(`SELECT secret_hash FROM api_key WHERE utility_id = $1`, [utilityId]);
    // The secret is what follows `nxk_<id>_`; it is base64url, so it may itself hold `_`.
    const secret = key.replace(/^nxk_[0-9a-f]{12}_/, '');
    expect(secret).toHaveLength(43);
    expect(stored.rows[0].secret_hash).not.toContain(secret);
  });
});

describe('staff edits of the library', () => {
  it('a new term counts at once, a switched-off term stops counting, and every edit is audited', async () => {
    const { utilityId } = await seedTown();
    const { saveHotword } = await import('@/lib/complaints/edit-hotwords');
    const { seedAgent } = await import('./support');
    const supervisor = await seedAgent(utilityId, 'SUPERVISOR');
    await ingestMentions(utilityId, [{ text: '小区锅炉房冒黑烟' }], new Date());
    await saveHotword(supervisor, { term: '冒黑烟', category: 'SAFETY', severity: 3, dailyThreshold: 2, active: true }, new Date());
    const result = await ingestMentions(utilityId, [{ text: '小区锅炉房冒黑烟' }, { text: '又冒黑烟了' }], new Date());
    expect(result.incidentsOpened).toHaveLength(1);

    await saveHotword(supervisor, { term: '冒黑烟', category: 'SAFETY', severity: 3, dailyThreshold: 2, active: false }, new Date());
    expect((await ingestMentions(utilityId, [{ text: '又冒黑烟了' }], new Date())).matched).toBe(0);
    await expect(saveHotword(supervisor, { term: ' ', category: 'SAFETY', severity: 1, dailyThreshold: 5, active: true }, new Date())).rejects.toMatchObject({ code: 'invalid_input' });
    const audit = await pool().query(`SELECT count(*)::int AS n FROM audit_log WHERE utility_id = $1 AND action = 'hotword.save'`, [utilityId]);
    expect(audit.rows[0].n).toBe(2);
    // Switched off, not deleted: the day's count stays.
    const kept = await pool().query(`SELECT count FROM mention_count WHERE utility_id = $1 AND term = '冒黑烟'`, [utilityId]);
    expect(kept.rows[0].count).toBe(2);
  });
});
