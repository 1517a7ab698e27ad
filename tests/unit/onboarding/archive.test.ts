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
import { reconcileDay, searchPayments } from '@/lib/payments/staff-payments';
import { residentDataExport } from '@/lib/privacy/export-data';
import { ARCHIVED_WITH_BILL } from '@/lib/retention/archived-tables';
import { randomTestPhone, seedAccount, seedBuilding, seedResident, seedStaff, seedStation } from '@/lib/seed/records';
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

const EVENTS: Record<string, [string | null, string][]> = {
  succeeded: [[null, 'created'], ['created', 'pending'], ['pending', 'succeeded']],
  failed: [[null, 'created'], ['created', 'failed']],
  expired: [[null, 'created'], ['created', 'expired']],
  pending: [[null, 'created'], ['created', 'pending']],
};

/** A payment of the whole bill through the sandbox bank, with its events; credited if succeeded. */
async function payment(billId: string, residentId: string, status: keyof typeof EVENTS, at: string): Promise<string> {
  const when = new Date(at);
  return withTransaction(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO payment (out_trade_no, bill_id, resident_id, channel, amount_fen, status, idempotency_key, quoted_at, expires_at,
         channel_trade_no, paid_at, created_at, updated_at)
       VALUES ($1, $2, $3, 'sandbox-bank', 10000000, $4, $5, $6, $6::timestamptz + interval '15 minutes', $7, $8, $6, $6) RETURNING id`,
      [`AR${randomUUID().replaceAll('-', '').slice(0, 20)}`, billId, residentId, status, randomUUID(), when,
        status === 'succeeded' ? `BANK${randomUUID().slice(0, 8)}` : null, status === 'succeeded' ? when : null],
    );
    const id = rows[0]!.id;
    for (const [from, to] of EVENTS[status]!) {
      await client.query(`INSERT INTO payment_event (payment_id, at, from_status, to_status, source) VALUES ($1, $2, $3, $4, 'notify')`, [id, when, from, to]);
    }
    if (status === 'succeeded') await applyToBill(client, billId, { amountFen: 10_000_000n, at: when, kind: 'payment', sourceId: `payment:${id}` });
    return id;
  });
}

async function statusOf(bills: string[]): Promise<string[]> {
  const { rows } = await pool().query<{ id: string; status: string }>(`SELECT id, status FROM bill WHERE id = ANY($1::uuid[])`, [bills]);
  return bills.map((b) => rows.find((r) => r.id === b)!.status);
}

type Snapshot = Record<'bill' | 'bill_ledger' | 'payment' | 'payment_event', { bill: string; id: string; row: unknown }[]>;

/** Every row of these bills, live or archived, as JSON without the archive's own column. */
async function snapshot(bills: string[], archived: boolean): Promise<Snapshot> {
  const suffix = archived ? '_archive' : '';
  const read = async (sql: string) =>
    (await pool().query<{ bill: string; id: string; row: unknown }>(`${sql} ORDER BY 2`, [bills])).rows;
  return {
    bill: await read(`SELECT t.id AS bill, t.id::text AS id, to_jsonb(t) - 'archived_at' AS row FROM bill${suffix} t WHERE t.id = ANY($1::uuid[])`),
    bill_ledger: await read(`SELECT t.bill_id AS bill, t.id::text AS id, to_jsonb(t) - 'archived_at' AS row FROM bill_ledger${suffix} t WHERE t.bill_id = ANY($1::uuid[])`),
    payment: await read(`SELECT t.bill_id AS bill, t.id::text AS id, to_jsonb(t) - 'archived_at' AS row FROM payment${suffix} t WHERE t.bill_id = ANY($1::uuid[])`),
    payment_event: await read(
      `SELECT p.bill_id AS bill, t.id::text AS id, to_jsonb(t) - 'archived_at' AS row FROM payment_event${suffix} t
       JOIN payment${suffix} p ON p.id = t.payment_id WHERE p.bill_id = ANY($1::uuid[])`,
    ),
  };
}

describe('retention archive job', () => {
  it('computes the cutoff in calendar years', () => {
    expect(retentionCutoff(new Date('2031-12-01T00:00:00Z'), 5).toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it('moves settled old bills with their ledger, payments and payment events, and nothing else', async () => {
    const utility = await freshUtility();
    const station = await seedStation(utility.id, 'AR1', '归档测试站');
    const building = await seedBuilding(station, '归档测试楼', '测试路 1 号');
    await saveTariff(utility.id, 2025, '归档测试 2025', HARBIN_LIKE_2025);
    const paidOld = await account(utility.id, building);
    const unpaidOld = await account(utility.id, building);
    const openOld = await account(utility.id, building);
    const paidRecent = await account(utility.id, building);
    const resident = await seedResident(randomTestPhone(), '王秀兰', [paidOld, unpaidOld, openOld, paidRecent]);
    // Season 2025 bills issued 2025-10-15 (over 5 years before NOW); season 2026 in 2026-10-15… is
    // also before the 2026-12-01 cutoff, so "recent" is issued after it.
    await issueSeasonBills(2025, new Date('2025-10-15T09:00:00+08:00'), { accountIds: [paidOld, unpaidOld, openOld] });
    await issueSeasonBills(2026, new Date('2027-01-10T09:00:00+08:00'), { accountIds: [paidRecent] });
    const oldBill = await billOf(paidOld, 2025);
    const unpaidBill = await billOf(unpaidOld, 2025);
    const openBill = await billOf(openOld, 2025);
    const recentBill = await billOf(paidRecent, 2026);

    // The old bill: a failed attempt, then a successful payment credited to the ledger.
    const failed = await payment(oldBill, resident, 'failed', '2025-10-20T09:00:00+08:00');
    const paid = await payment(oldBill, resident, 'succeeded', '2025-10-20T10:00:00+08:00');
    // Unpaid: an attempt that expired. Settled, but a second payment still pending. Recent: paid.
    await payment(unpaidBill, resident, 'expired', '2025-10-21T10:00:00+08:00');
    await payment(openBill, resident, 'succeeded', '2025-10-22T10:00:00+08:00');
    const pending = await payment(openBill, resident, 'pending', '2025-10-22T11:00:00+08:00');
    await payment(recentBill, resident, 'succeeded', '2027-01-11T10:00:00+08:00');
    expect(await statusOf([oldBill, unpaidBill, openBill, recentBill])).toEqual(['PAID', 'ISSUED', 'PAID', 'PAID']);

    // The old bill also had part of its payment sent back: the refund, its step and its payout go with it.
    const refund = await pool().query<{ id: string }>(
      `INSERT INTO refund_request (utility_id, account_id, bill_id, resident_id, idempotency_key, reason, amount_fen, lines, state,
                                   needs_supervisor, expected_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, gen_random_uuid()::text, 'OVERPAYMENT', 100, '[]', 'refunded', false, '2025-11-05', $5, $5) RETURNING id`,
      [utility.id, paidOld, oldBill, resident, new Date('2025-10-23T10:00:00+08:00')],
    );
    await pool().query(
      `INSERT INTO refund_event (refund_id, at, from_state, to_state, kind, actor_kind) VALUES ($1, $2, NULL, 'submitted', 'submit', 'RESIDENT')`,
      [refund.rows[0]!.id, new Date('2025-10-23T10:00:00+08:00')],
    );
    await pool().query(
      `INSERT INTO refund_payout (refund_id, payment_id, out_refund_no, amount_fen, status) VALUES ($1, $2, $3, 100, 'succeeded')`,
      [refund.rows[0]!.id, paid, `RF${refund.rows[0]!.id.slice(0, 8)}`],
    );

    await recordAudit({ actorKind: 'SYSTEM', utilityId: utility.id, action: 'test.old', entity: 'bill', entityId: oldBill }, new Date('2026-01-01T00:00:00Z'));
    await recordAudit({ actorKind: 'SYSTEM', utilityId: utility.id, action: 'test.recent', entity: 'bill', entityId: recentBill }, new Date('2027-06-01T00:00:00Z'));

    const bills = [oldBill, unpaidBill, openBill, recentBill];
    const before = await snapshot(bills, false);
    const summary = await archiveExpired(NOW, 5, 1, { utilityId: utility.id });
    // One bill, its one ledger entry, its two payments and their five events (created, then
    // pending, then failed or succeeded; the failed one has two), and its refund.
    expect(summary.moved).toEqual({ bill: 1, bill_ledger: 1, payment: 2, payment_event: 5, refund_request: 1, refund_event: 1, refund_payout: 1, refund_photo: 0 });
    const refundsLeft = await pool().query(`SELECT 1 FROM refund_request WHERE id = $1 UNION ALL SELECT 1 FROM refund_payout WHERE refund_id = $1`, [refund.rows[0]!.id]);
    expect(refundsLeft.rowCount).toBe(0);
    const refundsArchived = await pool().query(`SELECT 1 FROM refund_request_archive WHERE id = $1 UNION ALL SELECT 1 FROM refund_payout_archive WHERE refund_id = $1`, [refund.rows[0]!.id]);
    expect(refundsArchived.rowCount).toBe(2);
    expect(summary.auditEntries).toBe(1);

    // Exactly the old bill's rows left the live tables; everything else is where it was.
    const live = await snapshot(bills, false);
    const archived = await snapshot(bills, true);
    for (const table of ['bill', 'bill_ledger', 'payment', 'payment_event'] as const) {
      expect(archived[table]).toEqual(before[table].filter((r) => r.bill === oldBill));
      expect(live[table]).toEqual(before[table].filter((r) => r.bill !== oldBill));
    }
    expect(archived.payment.map((r) => r.id).sort()).toEqual([failed, paid].sort());
    expect(live.payment.map((r) => r.id)).toContain(pending);

    // Staff still find the archived payment, by trade number and by account, and the day it was
    // paid still reconciles with its ledger entry.
    const tradeNo = String((archived.payment.find((r) => r.id === paid)!.row as { out_trade_no: string }).out_trade_no);
    const found = await searchPayments(utility.id, { query: tradeNo });
    expect(found.map((r) => [r.id, r.status, r.archived])).toEqual([[paid, 'succeeded', true]]);
    const accountNo = (await pool().query<{ account_no: string }>(`SELECT account_no FROM heating_account WHERE id = $1`, [paidOld])).rows[0]!.account_no;
    expect((await searchPayments(utility.id, { query: accountNo })).map((r) => r.id).sort()).toEqual([failed, paid].sort());
    const day = await reconcileDay(utility.id, '2025-10-20');
    expect(day.channels).toEqual([
      { channel: 'sandbox-bank', started: 2, succeeded: 1, succeededFen: 10_000_000n, failed: 1, expired: 0, open: 0, ledgerMismatchFen: 0n },
    ]);
    expect(day.exceptions).toEqual([]);

    // The resident's data download still lists the archived bill, marked as such.
    const exported = (await residentDataExport(resident, '127.0.0.1', NOW)) as { accounts: { accountNo: string; bills: { archived: boolean; season: number }[] }[] };
    expect(exported.accounts.find((a) => a.accountNo === accountNo)!.bills).toEqual([expect.objectContaining({ season: 2025, archived: true })]);

    const audit = await pool().query<{ action: string; archived: boolean }>(
      `SELECT action, false AS archived FROM audit_log WHERE utility_id = $1 AND action LIKE 'test.%'
       UNION ALL SELECT action, true FROM audit_log_archive WHERE utility_id = $1 AND action LIKE 'test.%' ORDER BY action`,
      [utility.id],
    );
    expect(audit.rows).toEqual([{ action: 'test.old', archived: true }, { action: 'test.recent', archived: false }]);

    // A second run moves nothing more of this utility's.
    expect(await archiveExpired(NOW, 5, 5000, { utilityId: utility.id })).toMatchObject({
      moved: { bill: 0, bill_ledger: 0, payment: 0, payment_event: 0 },
      auditEntries: 0,
    });
    expect(await snapshot(bills, true)).toEqual(archived);
  });

  it('keeps a bill live while one of its payments is flagged and unresolved; the resolution outlives the archiving', async () => {
    const utility = await freshUtility();
    const station = await seedStation(utility.id, 'AR2', '归档测试站二');
    const building = await seedBuilding(station, '归档测试楼二', '测试路 2 号');
    await saveTariff(utility.id, 2025, '归档测试 2025', HARBIN_LIKE_2025);
    const accountId = await account(utility.id, building);
    const resident = await seedResident(randomTestPhone(), '李建国', [accountId]);
    await issueSeasonBills(2025, new Date('2025-10-15T09:00:00+08:00'), { accountIds: [accountId] });
    const bill = await billOf(accountId, 2025);
    await payment(bill, resident, 'succeeded', '2025-10-20T10:00:00+08:00');
    // An earlier attempt failed, then the channel reported it paid: flagged, not credited.
    const flagged = await payment(bill, resident, 'failed', '2025-10-20T09:00:00+08:00');
    await pool().query(`UPDATE payment SET flagged_reason = 'success_after_failed', flagged_at = $2 WHERE id = $1`, [flagged, new Date('2025-10-20T11:00:00+08:00')]);

    expect((await archiveExpired(NOW, 5, 10, { utilityId: utility.id })).moved).toMatchObject({ bill: 0, payment: 0 });

    const staff = await seedStaff({ utilityId: utility.id, username: `ar-${randomUUID().slice(0, 8)}`, password: 'Archive-test-1', name: '张主管', role: 'SUPERVISOR' });
    await pool().query(
      `INSERT INTO payment_resolution (payment_id, outcome, asked_fen, confirmed_fen, staff_id, note, at) VALUES ($1, 'credited', 10000000, 10000000, $2, '银行回单核实', $3)`,
      [flagged, staff, new Date('2025-10-21T10:00:00+08:00')],
    );
    expect((await archiveExpired(NOW, 5, 10, { utilityId: utility.id })).moved).toMatchObject({ bill: 1, payment: 2 });
    const resolution = await pool().query(`SELECT outcome FROM payment_resolution WHERE payment_id = $1`, [flagged]);
    expect(resolution.rows).toEqual([{ outcome: 'credited' }]);
  });

  it('lists every table that refers to an archived money table', async () => {
    // A new table pointing at a bill or a payment (refunds) must be archived with it.
    const { rows } = await pool().query<{ child: string; parent: string }>(
      `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c WHERE c.contype = 'f' AND c.confrelid::regclass::text = ANY($1::text[])`,
      [ARCHIVED_WITH_BILL.map((t) => t.table)],
    );
    // A table may refer to several of them (a refund to its payment and its bill): it is listed
    // once, after all of them, so it leaves before any row it refers to.
    const order = ARCHIVED_WITH_BILL.map((t) => t.table);
    for (const fk of rows) {
      expect(order, `${fk.child} refers to ${fk.parent} but is not archived with it`).toContain(fk.child);
      expect(order.indexOf(fk.child), `${fk.child} must come after ${fk.parent}`).toBeGreaterThan(order.indexOf(fk.parent));
    }
    for (const t of ARCHIVED_WITH_BILL.filter((x) => x.parent)) {
      expect(rows, `${t.table} is listed under ${t.parent!.table}`).toContainEqual({ child: t.table, parent: t.parent!.table });
    }
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
    const resident = await seedResident(randomTestPhone(), null, [acc]);
    const pay = await payment(bill, resident, 'failed', '2026-10-16T08:00:00+08:00');
    await expect(pool().query(`DELETE FROM payment WHERE id = $1`, [pay])).rejects.toThrow(/never deleted/);
    await expect(
      withTransaction(async (client) => {
        await client.query(`SELECT set_config('nuanxin.archiving', 'on', true)`);
        await client.query(`DELETE FROM payment_event WHERE payment_id = $1`, [pay]);
      }),
    ).rejects.toThrow(/never deleted/);
    await expect(pool().query(`UPDATE payment_event SET source = 'x' WHERE payment_id = $1`, [pay])).rejects.toThrow(/append-only/);
    await expect(pool().query(`UPDATE payment_archive SET status = 'failed'`)).rejects.toThrow(/archive/);
    await expect(pool().query(`UPDATE audit_log_archive SET action = 'x'`)).rejects.toThrow(/archive/);
    await expect(pool().query(`TRUNCATE bill_ledger_archive`)).rejects.toThrow(/archive/);
  });
});
