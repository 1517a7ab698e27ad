import { randomUUID } from 'node:crypto';
import { pool } from '@/lib/db/client';
import { env } from '@/lib/env';
import { startJobRunner } from '@/lib/jobs/runner';
import { createConfiguredChannels } from '@/lib/payments/channels/registry';
import { sandboxBankConfigSchema } from '@/lib/payments/channels/sandbox-bank/config';
import { createPayment } from '@/lib/payments/create-payment';
import { postgresReplayGuard } from '@/lib/payments/replay-guard';
import { deliverTradeNotify } from '@/lib/sandbox-bank/notify-job';
import { decideTrade, findTrade } from '@/lib/sandbox-bank/trades';
import { billOf, ledgerOf } from '../e2e/payments-support';
import { seedBills, seedHousehold } from '../e2e/support';
import { expect, test } from './world';

/**
 * A server process is killed (SIGKILL) while it is applying the bank's notify: its transaction
 * dies with it, nothing is credited; the bank's retry (the real pg-boss notify job) reaches the
 * restarted process and settles the payment exactly once.
 */
test('killing the server during a notify: the retry settles the payment exactly once', async ({ world }) => {
  test.setTimeout(180_000);
  const home = await seedHousehold();
  await seedBills(home.utilityId, [home.accounts[0]!.id]);
  const billId = await billOf(home.accounts[0]!.id, 2026);
  const side = env().payments.sandboxBank!;
  const b = world.b.origin;
  // The payment is created through process B: the bank will notify B.
  const channels = createConfiguredChannels(
    {
      sandboxBank: sandboxBankConfigSchema.parse({
        merchantId: side.merchantId,
        secret: side.secret,
        baseUrl: `${b}/sandbox-bank`,
        notifyUrl: `${b}/api/payments/notify/sandbox-bank`,
        refundNotifyUrl: `${b}/api/payments/notify/sandbox-bank/refund`,
      }),
    },
    { replayGuard: postgresReplayGuard },
  );
  const { payment } = await createPayment(channels, {
    residentId: home.residentId, billId, channel: 'sandbox-bank', idempotencyKey: randomUUID(), origin: b, limitMinutes: 15, now: new Date(),
  });
  const trade = (await findTrade(pool(), { merchantId: side.merchantId, outTradeNo: payment.outTradeNo }))!;

  // Hold the payment row so B's notify stops inside its transaction, then let the bank notify.
  const lock = await pool().connect();
  const runner = await startJobRunner(world.databaseUrl);
  try {
    await lock.query('BEGIN');
    await lock.query(`SELECT 1 FROM payment WHERE id = $1 FOR UPDATE`, [payment.id]);
    await decideTrade(trade.bankTradeNo, 'pay', new Date());
    await expect
      .poll(
        async () =>
          (await pool().query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database() AND query ILIKE '%payment%'`)).rowCount,
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0);
    world.b.child.kill('SIGKILL');
    await new Promise((resolve) => world.b.child.once('exit', resolve));
    await lock.query('ROLLBACK');
  } finally {
    lock.release();
  }
  // The killed notify changed nothing.
  const status = async () => (await pool().query<{ status: string }>(`SELECT status FROM payment WHERE id = $1`, [payment.id])).rows[0]!.status;
  expect(['created', 'pending']).toContain(await status());
  expect(await ledgerOf(billId)).toEqual([]);

  try {
    await world.restartB();
    // The bank retries 5, 15, 30 s apart until B acknowledges.
    await expect.poll(status, { timeout: 90_000, intervals: [1000] }).toBe('succeeded');
  } finally {
    await runner.stop();
  }
  expect(await ledgerOf(billId)).toEqual([`payment:${payment.id}`]);
  const events = await pool().query(`SELECT 1 FROM payment_event WHERE payment_id = $1 AND to_status = 'succeeded'`, [payment.id]);
  expect(events.rowCount).toBe(1);
  const bill = await pool().query<{ status: string }>(`SELECT status FROM bill WHERE id = $1`, [billId]);
  expect(bill.rows[0]!.status).toBe('PAID');
  // One more (late) notify is acknowledged and changes nothing.
  expect(await deliverTradeNotify(side, trade.bankTradeNo, new Date())).toBe(true);
  expect(await ledgerOf(billId)).toEqual([`payment:${payment.id}`]);
});
