import { randomBytes, randomUUID } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/lib/db/embedded';
import { migrateDeploy } from '@/lib/db/prisma-cli';

/**
 * PostgreSQL is stopped and started again (same data directory, same port) in the middle of a
 * payment load through the sandbox bank. Once the bank's notifies are retried and open payments
 * queried, every payment has ended succeeded or failed, and every bill matches its ledger:
 * nothing lost, nothing credited twice. Runs on its own embedded cluster, which it restarts.
 */
const BILLS = 48;
const CONCURRENCY = 8;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const dataDir = path.resolve('.data/test-runs', `restart-${randomBytes(4).toString('hex')}`);
let port = 0;
let cluster: EmbeddedDatabase | undefined;

beforeAll(async () => {
  port = await freePort();
  cluster = await startEmbeddedPostgres({ dataDir, port });
  await migrateDeploy(cluster.url);
  // This file's process works on its own cluster (vitest runs each file in its own process).
  Object.assign(process.env, { DATABASE_URL: cluster.url, NUANXIN_DEMO: '0', DATABASE_POOL_MAX: '10' });
}, 120_000);

afterAll(async () => {
  const { closeDb } = await import('@/lib/db/client');
  const { boss } = await import('@/lib/jobs/boss');
  await (await boss()).stop({ graceful: false, wait: true }).catch((e: unknown) => console.warn('[restart test] pg-boss stop:', e));
  await closeDb();
  await cluster?.stop();
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

describe('PostgreSQL restarts during a payment load', () => {
  it('every payment ends succeeded or failed; bills match the ledger; none lost or doubled', async () => {
    const { pool } = await import('@/lib/db/client');
    const { env } = await import('@/lib/env');
    expect(env().DATABASE_URL).toContain(`:${port}/`);
    const { HARBIN_LIKE_TARIFF } = await import('@/lib/billing/example-tariffs');
    const { issueSeasonBills } = await import('@/lib/bills/issue-bills');
    const { saveTariff } = await import('@/lib/bills/save-tariff');
    const { boss } = await import('@/lib/jobs/boss');
    const { createConfiguredChannels } = await import('@/lib/payments/channels/registry');
    const { sandboxBankConfigSchema } = await import('@/lib/payments/channels/sandbox-bank/config');
    const { createPayment } = await import('@/lib/payments/create-payment');
    const { queryPayment } = await import('@/lib/payments/query-payment');
    const { postgresReplayGuard } = await import('@/lib/payments/replay-guard');
    const { startLoopbackBank } = await import('@/lib/sandbox-bank/loopback-server');
    const { deliverTradeNotify } = await import('@/lib/sandbox-bank/notify-job');
    const { decideTrade, findTrade } = await import('@/lib/sandbox-bank/trades');
    const { seedResident, randomTestPhone } = await import('@/lib/seed/records');
    type Channels = import('@/lib/payments/app-channels').Channels;
    type Side = import('@/lib/sandbox-bank/config').SandboxBankSide;

    const { rows } = await pool().query<{ id: string }>(
      `INSERT INTO utility (code, name, name_en, hotline, service_promise, payment_settings) VALUES ('restart', '重启热力', 'Restart Heating', '96069', '{}', '{}') RETURNING id`,
    );
    const utilityId = rows[0]!.id;
    await pool().query(
      `WITH s AS (INSERT INTO station (utility_id, code, name) VALUES ($1, 'S1', '换热站') RETURNING id),
            b AS (INSERT INTO building (station_id, name, address) SELECT id, '1 号楼', '重启路 1 号' FROM s RETURNING id)
       INSERT INTO heating_account (utility_id, account_no, holder_name, building_id, unit, address, building_area_m2, usable_area_m2)
       SELECT $1, 'R' || lpad(g::text, 9, '0'), '住户' || g, b.id, '1-' || g, '重启小区', 100.00, 80.00 FROM generate_series(1, $2::int) g, b`,
      [utilityId, BILLS],
    );
    const residentId = await seedResident(randomTestPhone(), '重启住户', []);
    await pool().query(`INSERT INTO resident_account (resident_id, account_id) SELECT $1, id FROM heating_account WHERE utility_id = $2`, [residentId, utilityId]);
    await saveTariff(utilityId, 2026, '重启价格', HARBIN_LIKE_TARIFF);
    await issueSeasonBills(2026, new Date('2026-10-15T09:00:00+08:00'));
    const bills = (await pool().query<{ id: string }>(`SELECT id FROM bill WHERE utility_id = $1 ORDER BY id`, [utilityId])).rows.map((r) => r.id);
    expect(bills).toHaveLength(BILLS);
    await boss();

    const world = {} as { side: Side; channels: Channels };
    const bank = await startLoopbackBank(() => world.side, () => world.channels);
    world.side = { merchantId: 'NX-RESTART-0001', secret: randomBytes(32).toString('hex'), publicUrl: bank.url };
    world.channels = createConfiguredChannels(
      { sandboxBank: sandboxBankConfigSchema.parse({ ...world.side, baseUrl: bank.url, notifyUrl: bank.notifyUrl, refundNotifyUrl: `${bank.notifyUrl}/refund`, timeoutMs: 3000 }) },
      { replayGuard: postgresReplayGuard },
    );

    // The load: create → payer pays at the bank → the bank's first notify, CONCURRENCY at a time.
    let next = 0;
    let done = 0;
    const failures: string[] = [];
    async function payOne(billId: string): Promise<void> {
      const { payment } = await createPayment(world.channels, {
        residentId, billId, channel: 'sandbox-bank', idempotencyKey: randomUUID(), origin: 'https://nuanxin.test', limitMinutes: 15, now: new Date(),
      });
      const trade = await findTrade(pool(), { merchantId: world.side.merchantId, outTradeNo: payment.outTradeNo });
      await decideTrade(trade!.bankTradeNo, 'pay', new Date());
      await deliverTradeNotify(world.side, trade!.bankTradeNo, new Date());
    }
    const load = Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = next++; i < bills.length; i = next++) {
          await payOne(bills[i]!).catch((e: unknown) => failures.push(e instanceof Error ? e.message : String(e)));
          done++;
          await new Promise((r) => setTimeout(r, 20));
        }
      }),
    );
    // In the middle of it: stop the cluster, then start it again on the same data and port.
    while (done < BILLS / 3) await new Promise((r) => setTimeout(r, 10));
    await cluster!.stop();
    await new Promise((r) => setTimeout(r, 300));
    cluster = await startEmbeddedPostgres({ dataDir, port });
    await load;
    expect(failures.length).toBeGreaterThan(0);

    // Afterwards, as the bank and the query schedule would: payers who never got to the bank's
    // page decide now, undelivered notifies are sent again, open payments are queried.
    const trades = await pool().query<{ bank_trade_no: string; status: string }>(`SELECT bank_trade_no, status FROM sandbox_bank_trade WHERE merchant_id = $1`, [world.side.merchantId]);
    for (const t of trades.rows) {
      if (t.status === 'PENDING') await decideTrade(t.bank_trade_no, 'pay', new Date());
      expect(await deliverTradeNotify(world.side, t.bank_trade_no, new Date())).toBe(true);
    }
    // A payment whose trade never reached the bank is unknown there: the query after its time
    // limit expires it.
    const open = await pool().query<{ id: string }>(`SELECT id FROM payment WHERE status IN ('created', 'pending')`);
    for (const p of open.rows) {
      const { status } = await queryPayment(world.channels, p.id, 'query', new Date());
      if (status !== 'created' && status !== 'pending') continue;
      // Its 15 minutes pass (the bank signs with the real clock, so the limit moves instead).
      await pool().query(`UPDATE payment SET expires_at = now() - interval '2 minutes' WHERE id = $1`, [p.id]);
      await queryPayment(world.channels, p.id, 'query', new Date());
    }
    await bank.close();

    const payments = await pool().query<{ id: string; bill_id: string; status: string; amount_fen: string; bank: string | null }>(
      `SELECT p.id, p.bill_id, p.status, p.amount_fen::text, t.status AS bank
       FROM payment p LEFT JOIN sandbox_bank_trade t ON t.out_trade_no = p.out_trade_no AND t.merchant_id = $1`,
      [world.side.merchantId],
    );
    const summary = payments.rows.reduce<Record<string, number>>((s, p) => ({ ...s, [p.status]: (s[p.status] ?? 0) + 1 }), {});
    console.info(`[restart] ${failures.length} operations failed during the restart; payments ${JSON.stringify(summary)}`);
    for (const p of payments.rows) {
      // Ended: paid, or not paid (failed at the bank, or expired without reaching it).
      expect(['succeeded', 'failed', 'expired'], `payment ${p.id} (bank ${p.bank})`).toContain(p.status);
      // The bank took the money exactly when Nuanxin says it succeeded.
      expect(p.status === 'succeeded', `payment ${p.id} is ${p.status}, bank says ${p.bank}`).toBe(p.bank === 'SUCCESS');
    }
    const ledger = await pool().query<{ bill_id: string; source_id: string; amount_fen: string }>(
      `SELECT bill_id, source_id, amount_fen::text FROM bill_ledger WHERE kind = 'payment'`,
    );
    for (const billId of bills) {
      const succeeded = payments.rows.filter((p) => p.bill_id === billId && p.status === 'succeeded');
      expect(succeeded.length, `bill ${billId}`).toBeLessThanOrEqual(1);
      const entries = ledger.rows.filter((l) => l.bill_id === billId);
      expect(entries.map((e) => e.source_id)).toEqual(succeeded.map((p) => `payment:${p.id}`));
      expect(entries.map((e) => e.amount_fen)).toEqual(succeeded.map((p) => p.amount_fen));
      const bill = await pool().query<{ status: string }>(`SELECT status FROM bill WHERE id = $1`, [billId]);
      expect(bill.rows[0]!.status === 'PAID', `bill ${billId}`).toBe(succeeded.length === 1);
    }
    // Every trade the bank was paid for is credited: none lost.
    const paidAtBank = trades.rows.length;
    expect(payments.rows.filter((p) => p.status === 'succeeded').length).toBe(paidAtBank);
  }, 180_000);
});
