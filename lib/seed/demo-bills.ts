import { settlementFen, type Tariff } from '@/lib/billing';
import { HARBIN_LIKE_TARIFF, JINAN_LIKE_TARIFF } from '@/lib/billing/example-tariffs';
import { applyToBill } from '@/lib/bills/apply-to-bill';
import { issueSeasonBills } from '@/lib/bills/issue-bills';
import { loadBillForUpdate } from '@/lib/bills/load-bill';
import { saveTariff } from '@/lib/bills/save-tariff';
import { pool } from '@/lib/db/client';
import { withTransaction } from '@/lib/db/transaction';

/** Last season's Harbin-like tariff: the same prices, one year earlier. */
export const HARBIN_LIKE_2025: Tariff = {
  ...HARBIN_LIKE_TARIFF,
  season: { firstDay: '2025-11-15', lastDay: '2026-03-15' },
  earlyDiscount: { until: '2025-11-01T00:00:00+08:00', ratio: '0.015' },
  lateFee: { dueAt: '2026-01-01T00:00:00+08:00', ratePerDay: '0.001', capRatio: '1.00' },
};

export async function seedTariffs(utilities: { bingcheng: string; quancheng: string }): Promise<void> {
  await saveTariff(utilities.bingcheng, 2025, '冰城热力 2025 供暖季面积计费', HARBIN_LIKE_2025);
  await saveTariff(utilities.bingcheng, 2026, '冰城热力 2026 供暖季面积计费', HARBIN_LIKE_TARIFF);
  await saveTariff(utilities.quancheng, 2026, '泉城供热 2026 供暖季两部制计量', JINAN_LIKE_TARIFF);
}

export async function seedMeterReading(accountId: string, season: number, gj: string, readAt: Date): Promise<void> {
  await pool().query(
    `INSERT INTO meter_reading (account_id, season, gj, read_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [accountId, season, gj, readAt],
  );
}

/** Pays a bill in full at `at` as if through the old billing system (demo history). */
export async function seedSettledBill(accountId: string, season: number, at: Date): Promise<void> {
  const { rows } = await pool().query<{ id: string }>(`SELECT id FROM bill WHERE account_id = $1 AND season = $2`, [accountId, season]);
  const billId = rows[0]?.id;
  if (!billId) return;
  await withTransaction(async (client) => {
    const bill = await loadBillForUpdate(client, billId);
    if (!bill) return;
    const amountFen = settlementFen(bill.tariff, bill.property, bill.payments, at);
    if (amountFen > 0n) await applyToBill(client, billId, { amountFen, at, kind: 'legacy', sourceId: `legacy-${billId}` });
  });
}

export { issueSeasonBills };
