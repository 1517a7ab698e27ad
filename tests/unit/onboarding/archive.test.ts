import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { applyToBill } from '@/lib/bills/apply-to-bill';
import { issueSeasonBills } from '@/lib/bills/issue-bills';
import { saveTariff } from '@/lib/bills/save-tariff';
import { recordAudit } from '@/lib/audit/record';
import { closeDb, pool } from '@/lib/db/client';
import { withTransaction } from '@/lib/db/transaction';
import { archiveExpired, retentionCutoff } from '@/lib/retention/archive';
import { HARBIN_LIKE_2025 } from '@/lib/seed/demo-bills';
import { seedAccount, seedBuilding, seedStation } from '@/lib/seed/records';
import { freshUtility } from './support';

afterAll(async () => {
  await closeDb();
});

const NOW = new Date('2031-12-01T03:40:00+08:00');

async function account(utilityId: string, buildingId: string): Promise<string> {
  return seedAccount({
    utilityId, buildingId, accountNo: `AR${randomUUID().slice(0, 8)}`, holderName: '王秀兰', unit: '1 单元', address: '测试路 1 号',
    buildingAreaM2: '100.00', usableAreaM2: '80.00',
  });
}

async function billOf(accountId: string, season: number): Promise<string> {
  const { rows } = await pool().query<{ id: string }>(`SELECT id FROM bill WHERE account_id = $1 AND season = $2`, [accountId, season]);
  return rows[0]!.id;
}

describe('retention archive job', () => {
  it('computes the cutoff in calendar years', () => {
    expect(retentionCutoff(new Date('2031-12-01T00:00:00Z'), 5).toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it('moves settled old bills with their ledger and old audit entries, and nothing else', async () => {
    const utility = await freshUtility();
    const station = await seedStation(utility.id, 'AR1', '归档测试站');
    const building = await seedBuilding(station, '归档测试楼', '测试路 1 号');
    await saveTariff(utility.id, 2025, '归档测试 2025', HARBIN_LIKE_2025);
    const paidOld = await account(utility.id, building);
    const unpaidOld = await account(utility.id, building);
    const paidRecent = await account(utility.id, building);
    // Season 2025 bills issued 2025-10-15 (over 5 years before NOW); season 2026 in 2026-10-15… is
    // also before the 2026-12-01 cutoff, so "recent" is issued after it.
    await issueSeasonBills(2025, new Date('2025-10-15T09:00:00+08:00'), { accountIds: [paidOld, unpaidOld] });
    await issueSeasonBills(2026, new Date('2027-01-10T09:00:00+08:00'), { accountIds: [paidRecent] });
    const oldBill = await billOf(paidOld, 2025);
    const unpaidBill = await billOf(unpaidOld, 2025);
    const recentBill = await billOf(paidRecent, 2026);
    for (const [bill, at] of [[oldBill, '2025-10-20T10:00:00+08:00'], [recentBill, '2027-01-11T10:00:00+08:00']] as const) {
      await withTransaction((client) => applyToBill(client, bill, { amountFen: 10_000_000n, at: new Date(at), kind: 'payment', sourceId: `pay-${bill}` }));
    }
    await recordAudit({ actorKind: 'SYSTEM', utilityId: utility.id, action: 'test.old', entity: 'bill', entityId: oldBill }, new Date('2026-01-01T00:00:00Z'));
    await recordAudit({ actorKind: 'SYSTEM', utilityId: utility.id, action: 'test.recent', entity: 'bill', entityId: recentBill }, new Date('2027-06-01T00:00:00Z'));

    const summary = await archiveExpired(NOW, 5, 1, { utilityId: utility.id });
    expect(summary).toMatchObject({ bills: 1, ledgerEntries: 1, auditEntries: 1 });

    const live = await pool().query<{ id: string }>(`SELECT id FROM bill WHERE id = ANY($1::uuid[]) ORDER BY id`, [[oldBill, unpaidBill, recentBill]]);
    expect(live.rows.map((r) => r.id).sort()).toEqual([unpaidBill, recentBill].sort());
    const archived = await pool().query<{ id: string; principal_fen: string }>(`SELECT id, principal_fen::text FROM bill_archive WHERE account_id = ANY($1::uuid[])`, [[paidOld, unpaidOld, paidRecent]]);
    expect(archived.rows.map((r) => r.id)).toEqual([oldBill]);
    const ledger = await pool().query(`SELECT amount_fen::text FROM bill_ledger_archive WHERE bill_id = $1`, [oldBill]);
    expect(ledger.rows).toEqual([{ amount_fen: '10000000' }]);
    expect((await pool().query(`SELECT 1 FROM bill_ledger WHERE bill_id = $1`, [oldBill])).rowCount).toBe(0);
    expect((await pool().query(`SELECT 1 FROM bill_ledger WHERE bill_id = $1`, [recentBill])).rowCount).toBe(1);

    const audit = await pool().query<{ action: string; archived: boolean }>(
      `SELECT action, false AS archived FROM audit_log WHERE utility_id = $1 AND action LIKE 'test.%'
       UNION ALL SELECT action, true FROM audit_log_archive WHERE utility_id = $1 AND action LIKE 'test.%' ORDER BY action`,
      [utility.id],
    );
    expect(audit.rows).toEqual([{ action: 'test.old', archived: true }, { action: 'test.recent', archived: false }]);

    // A second run moves nothing more of this utility's.
    expect(await archiveExpired(NOW, 5, 5000, { utilityId: utility.id })).toMatchObject({ bills: 0, ledgerEntries: 0, auditEntries: 0 });
    expect((await pool().query(`SELECT 1 FROM bill_archive WHERE account_id = ANY($1::uuid[])`, [[paidOld, unpaidOld, paidRecent]])).rowCount).toBe(1);
  });

  it('archives are never changed or deleted, and live money rows leave only into the archive', async () => {
    const utility = await freshUtility();
    const station = await seedStation(utility.id, 'AR2', '归档测试站二');
    const building = await seedBuilding(station, '归档测试楼二', '测试路 2 号');
    const acc = await account(utility.id, building);
    await issueSeasonBills(2026, new Date('2026-10-15T09:00:00+08:00'), { accountIds: [acc] });
    const bill = await billOf(acc, 2026);
    await expect(pool().query(`DELETE FROM bill WHERE id = $1`, [bill])).rejects.toThrow(/never deleted/);
    await withTransaction((client) => applyToBill(client, bill, { amountFen: 100n, at: new Date('2026-10-16T00:00:00Z'), kind: 'payment', sourceId: `p-${bill}` }));
    await expect(
      withTransaction(async (client) => {
        await client.query(`SELECT set_config('nuanxin.archiving', 'on', true)`);
        await client.query(`DELETE FROM bill_ledger WHERE bill_id = $1`, [bill]);
      }),
    ).rejects.toThrow(/append-only/);
    await expect(pool().query(`DELETE FROM bill_archive`)).rejects.toThrow(/archive/);
    await expect(pool().query(`UPDATE audit_log_archive SET action = 'x'`)).rejects.toThrow(/archive/);
    await expect(pool().query(`TRUNCATE bill_ledger_archive`)).rejects.toThrow(/archive/);
  });
});
