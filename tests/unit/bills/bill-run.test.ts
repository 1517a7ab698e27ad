import { afterAll, describe, expect, it } from 'vitest';
import { HARBIN_LIKE_TARIFF } from '@/lib/billing/example-tariffs';
import { applyToBill } from '@/lib/bills/apply-to-bill';
import { issueSeasonBills } from '@/lib/bills/issue-bills';
import { saveTariff } from '@/lib/bills/save-tariff';
import { closeDb, pool } from '@/lib/db/client';
import { withTransaction } from '@/lib/db/transaction';
import { seedAccount, seedBuilding, seedStation, seedUtility } from '@/lib/seed/records';

afterAll(async () => closeDb());

async function place(code: string) {
  const utilityId = await seedUtility({ code, name: `测试${code}`, nameEn: code, hotline: '96069' });
  const station = await seedStation(utilityId, 'S1', '一号站');
  const buildingId = await seedBuilding(station, '1 号楼', '测试路 1 号');
  return { utilityId, buildingId };
}

const account = (p: { utilityId: string; buildingId: string }, no: string, area: string, extra: object = {}) =>
  seedAccount({ ...p, accountNo: no, holderName: '测试', unit: '1-101', address: '测试路 1 号', buildingAreaM2: area, usableAreaM2: area, ...extra });

describe('season bill run', () => {
  it('issues one bill per billable account with the core’s amounts, and a second run creates nothing', async () => {
    const p = await place('run-a');
    await saveTariff(p.utilityId, 2026, '测试价格', HARBIN_LIKE_TARIFF);
    const big = await account(p, 'A-150', '150.00');
    const closed = await account(p, 'A-CLOSED', '80.00', { status: 'CLOSED' });
    const suspended = await account(p, 'A-SUSP', '100.00', { status: 'SUSPENDED' });
    const ids = [big, closed, suspended];
    const at = new Date('2026-10-15T09:00:00+08:00');
    const first = await issueSeasonBills(2026, at, { accountIds: ids, batchSize: 2 });
    expect(first.issued).toBe(2);
    expect(first.skipped.closed).toBe(1);
    // 150 m² at 41.60 元: 90×1.00 + 54×1.05 + 6×1.10 = 153.30 × 4160 × 1.02 = 650,482.56 → 6,504.83 元
    const { rows } = await pool().query<{ principal_fen: string; charge_lines: { code: string; amountFen: string }[] }>(
      `SELECT principal_fen::text, charge_lines FROM bill WHERE account_id = $1 AND season = 2026`,
      [big],
    );
    expect(rows[0]?.principal_fen).toBe('650483');
    expect(rows[0]?.charge_lines[0]).toMatchObject({ code: 'ENERGY', amountFen: '650483' });
    const again = await issueSeasonBills(2026, at, { accountIds: ids });
    expect(again.issued).toBe(0);
    expect(again.skipped.already_issued).toBe(2);
  });

  it('skips accounts of utilities without a tariff for the season, and says so', async () => {
    const p = await place('run-b');
    const id = await account(p, 'B-1', '60.00');
    const summary = await issueSeasonBills(2026, new Date(), { accountIds: [id] });
    expect(summary).toMatchObject({ issued: 0, skipped: { no_tariff: 1 } });
  });

  it('refuses to change an issued bill’s charges, and the ledger only grows', async () => {
    const p = await place('run-c');
    await saveTariff(p.utilityId, 2026, '测试价格', HARBIN_LIKE_TARIFF);
    const id = await account(p, 'C-1', '90.00');
    await issueSeasonBills(2026, new Date('2026-10-15T09:00:00+08:00'), { accountIds: [id] });
    await expect(pool().query(`UPDATE bill SET principal_fen = 1 WHERE account_id = $1`, [id])).rejects.toThrow(/cannot change/);
    const { rows } = await pool().query<{ id: string }>(`SELECT id FROM bill WHERE account_id = $1`, [id]);
    const billId = rows[0]!.id;
    await withTransaction((c) => applyToBill(c, billId, { amountFen: 100n, at: new Date(), kind: 'payment', sourceId: 'src-c-1' }));
    await expect(pool().query(`DELETE FROM bill_ledger WHERE source_id = 'src-c-1'`)).rejects.toThrow(/append-only/);
  });

  it('applies a payment once however often it is replayed, and marks the bill paid when nothing is due', async () => {
    const p = await place('run-d');
    await saveTariff(p.utilityId, 2026, '测试价格', HARBIN_LIKE_TARIFF);
    const id = await account(p, 'D-1', '50.00');
    await issueSeasonBills(2026, new Date('2026-10-15T09:00:00+08:00'), { accountIds: [id] });
    const { rows } = await pool().query<{ id: string; principal_fen: string }>(`SELECT id, principal_fen::text FROM bill WHERE account_id = $1`, [id]);
    const bill = rows[0]!;
    // 50 m² × 41.60 元 × 1.02 = 2,121.60 元, paid after the early-discount deadline: the whole principal.
    expect(bill.principal_fen).toBe('212160');
    const at = new Date('2026-11-20T10:00:00+08:00');
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        withTransaction((c) => applyToBill(c, bill.id, { amountFen: 212160n, at, kind: 'payment', sourceId: 'pay-d-1' })),
      ),
    );
    expect(results.filter((r) => r.applied)).toHaveLength(1);
    const after = await pool().query<{ status: string; n: string }>(
      `SELECT b.status, (SELECT count(*)::text FROM bill_ledger WHERE bill_id = b.id) AS n FROM bill b WHERE b.id = $1`,
      [bill.id],
    );
    expect(after.rows[0]).toEqual({ status: 'PAID', n: '1' });
  });
});
