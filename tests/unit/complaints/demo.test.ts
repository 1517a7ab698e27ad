import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, pool } from '@/lib/db/client';
import { verifyApiKey } from '@/lib/complaints/api-keys';
import { boss } from '@/lib/jobs/boss';
import { seedDemo } from '@/lib/seed/demo';

afterAll(async () => {
  await (await boss()).stop({ graceful: false, wait: true });
  await closeDb();
});

describe('demo data', () => {
  it('seeds complaints in several states and a working API key, and a second run changes nothing', async () => {
    const first = await seedDemo();
    const count = async () =>
      (await pool().query<{ kind: string; state: string; n: number }>(`SELECT w.kind, w.state, count(*)::int AS n FROM work_order w JOIN utility u ON u.id = w.utility_id WHERE u.code = 'bingcheng' GROUP BY w.kind, w.state ORDER BY w.kind, w.state`)).rows;
    const before = await count();
    expect(before).toEqual([
      { kind: 'COMPLAINT', state: 'OPEN', n: 1 },
      { kind: 'COMPLAINT', state: 'VISIT_SCHEDULED', n: 1 },
      { kind: 'COMPLAINT', state: 'RESOLVED', n: 1 },
      // The demo's surge of mentions opens an incident, worked as its own order.
      { kind: 'INCIDENT', state: 'OPEN', n: 1 },
    ]);
    const second = await seedDemo();
    expect(await count()).toEqual(before);
    expect(second.mentionsApiKey).toBe(first.mentionsApiKey);
    expect(await verifyApiKey(first.mentionsApiKey, new Date())).not.toBeNull();
    const incidents = await pool().query(`SELECT term FROM incident i JOIN utility u ON u.id = i.utility_id WHERE u.code = 'bingcheng'`);
    expect(incidents.rows.map((r) => r.term)).toEqual(['冻得嘶哈的']);
    // Refunds: a cold-room request waiting for review and an approved overpayment, once each.
    const refunds = await pool().query<{ reason: string; state: string; amount_fen: string }>(
      `SELECT r.reason, r.state, r.amount_fen::text AS amount_fen FROM refund_request r JOIN utility u ON u.id = r.utility_id WHERE u.code = 'bingcheng' ORDER BY r.reason`,
    );
    expect(refunds.rows.map((r) => [r.reason, r.state])).toEqual([
      ['COLD_ROOMS', 'submitted'],
      ['OVERPAYMENT', 'approved'],
    ]);
    expect(refunds.rows[1]!.amount_fen).toBe('10000'); // 100.00 元 paid twice
  });
});
