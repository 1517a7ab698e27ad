import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOpeningBalances } from '@/lib/bills/opening-balances';
import { getResidentBill, listResidentBills, residentBillsForSession } from '@/lib/bills/resident-bills';
import { pool } from '@/lib/db/client';
import { MESSY_CASES } from '@/lib/onboarding/generate-legacy';
import { importLegacyFile } from '@/lib/onboarding/import-file';
import { createPayment } from '@/lib/payments/create-payment';
import { deliverTradeNotify } from '@/lib/sandbox-bank/notify-job';
import { decideTrade, findTrade } from '@/lib/sandbox-bank/trades';
import { randomTestPhone, seedResident } from '@/lib/seed/records';
import { freshUtility, legacyFile, workDir } from '../onboarding/support';
import { billState, seedBill, startSandboxWorld, type SandboxWorld } from './db-support';

let world: SandboxWorld;

beforeAll(async () => {
  world = await startSandboxWorld();
});

afterAll(async () => {
  await world.bank.close();
});

const IMPORTED = new Date('2026-11-25T10:00:00+08:00');

describe('paying an opening balance carried over from the old system', () => {
  it('is paid in full through the usual payment flow, once, and then shows as settled', async () => {
    const utility = await freshUtility();
    const { file, mapping } = await legacyFile(await workDir(), 'opening.csv', { rows: 2 * MESSY_CASES.length, messy: true, encoding: 'utf8' });
    await importLegacyFile({ filePath: file, fileName: 'opening.csv', utilityCode: utility.code, mappingPath: mapping, dryRun: false, now: IMPORTED });
    const account = await pool().query<{ id: string }>(`SELECT id FROM heating_account WHERE utility_id = $1 AND account_no = 'LG00000019'`, [utility.id]);
    const residentId = await seedResident(randomTestPhone(), null, [account.rows[0]!.id]);

    const [balance] = await listOpeningBalances(residentId, new Date());
    expect(balance).toMatchObject({ accountNo: 'LG00000019', amountFen: 240_000n, bill: { dueFen: 240_000n, status: 'ISSUED' } });
    const billId = balance!.bill!.id;
    // Not a season bill: the season list leaves it out, the bills page is told to list it, the bill page finds it.
    expect(await listResidentBills(residentId, new Date())).toEqual([]);
    const sid = await pool().query<{ id: string }>(
      `INSERT INTO auth_session (kind, subject_id, expires_at, claimed) VALUES ('RESIDENT', $1, now() + interval '1 hour', true) RETURNING id`,
      [residentId],
    );
    expect(await residentBillsForSession(sid.rows[0]!.id, new Date())).toEqual({ residentId, bills: [], hasOpeningBalances: true });
    const detail = await getResidentBill(residentId, billId, new Date('2032-01-01T00:00:00+08:00'));
    expect(detail).toMatchObject({ bill: { kind: 'OPENING', season: 0 }, quote: { dueFen: 240_000n, lateFeeFen: 0n }, settlementFen: 240_000n });

    // Someone without the account cannot start paying it.
    const stranger = await seedResident(randomTestPhone(), null, []);
    const ask = (resident: string) =>
      createPayment(world.channels, {
        residentId: resident, billId, channel: 'sandbox-bank', idempotencyKey: randomUUID(), origin: 'https://nuanxin.test', limitMinutes: 15, now: new Date(),
      });
    await expect(ask(stranger)).rejects.toMatchObject({ code: 'not_found' });

    const started = await ask(residentId);
    expect(started.payment.amountFen).toBe(240_000n); // 2400.00 元, as stated
    const trade = await findTrade(pool(), { merchantId: world.side.merchantId, outTradeNo: started.payment.outTradeNo });
    expect(trade?.subject).toBe('暖心供暖 原系统结转欠费 户号LG00000019');
    await decideTrade(trade!.bankTradeNo, 'pay', new Date());
    expect(await deliverTradeNotify(world.side, trade!.bankTradeNo, new Date())).toBe(true);
    expect(await billState(billId)).toEqual({ status: 'PAID', ledger: [{ amount_fen: '240000', source_id: `payment:${started.payment.id}` }] });
    // A replayed notify changes nothing; nothing more can be paid.
    expect(await deliverTradeNotify(world.side, trade!.bankTradeNo, new Date())).toBe(true);
    expect((await billState(billId)).ledger).toHaveLength(1);
    await expect(ask(residentId)).rejects.toMatchObject({ code: 'invalid_transition' });
    expect((await listOpeningBalances(residentId, new Date()))[0]!.bill).toEqual({ id: billId, dueFen: 0n, status: 'PAID' });
  });

  it('only an opening bill has season 0, and its kind never changes once issued', async () => {
    const { billId } = await seedBill();
    const insert = (kind: string, season: number) =>
      pool().query(
        `INSERT INTO bill (account_id, utility_id, tariff_id, season, kind, status, building_area_m2, usable_area_m2, suspended, low_income,
                           principal_fen, charge_lines, issued_at)
         SELECT account_id, utility_id, tariff_id, $2, $3::bill_kind, 'ISSUED', 1, 1, false, false, 100, '[]', now() FROM bill WHERE id = $1`,
        [billId, season, kind],
      );
    await expect(insert('OPENING', 2027)).rejects.toThrow(/season 0 exactly when/);
    await expect(insert('SEASON', 0)).rejects.toThrow(/season 0 exactly when/);
    await expect(pool().query(`UPDATE bill SET kind = 'OPENING' WHERE id = $1`, [billId])).rejects.toThrow(/cannot change/);
  });
});
