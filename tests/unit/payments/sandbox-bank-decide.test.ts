import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pool } from '@/lib/db/client';
import { createPayment } from '@/lib/payments/create-payment';
import { SANDBOX_NOTIFY_JOB } from '@/lib/sandbox-bank/notify-schedule';
import { decideTrade, findTrade } from '@/lib/sandbox-bank/trades';
import { seedBill, startSandboxWorld, type SandboxWorld } from './db-support';

let world: SandboxWorld;

beforeAll(async () => {
  world = await startSandboxWorld();
});

afterAll(async () => {
  await world.bank.close();
});

/** A payment opened at the sandbox bank: its trade, still PENDING. */
async function openTrade(limitMinutes = 15) {
  const { residentId, billId } = await seedBill();
  const { payment } = await createPayment(world.channels, {
    residentId,
    billId,
    channel: 'sandbox-bank',
    idempotencyKey: randomUUID(),
    origin: 'https://nuanxin.test',
    limitMinutes,
    now: new Date(),
  });
  const trade = await findTrade(pool(), { merchantId: world.side.merchantId, outTradeNo: payment.outTradeNo });
  if (!trade) throw new Error(`no bank trade for ${payment.outTradeNo}`);
  return trade;
}

async function notifyJobs(bankTradeNo: string): Promise<string[]> {
  const { rows } = await pool().query<{ attempt: string }>(
    `SELECT data->>'attempt' AS attempt FROM pgboss.job WHERE name = $1 AND data->>'bankTradeNo' = $2`,
    [SANDBOX_NOTIFY_JOB, bankTradeNo],
  );
  return rows.map((r) => r.attempt);
}

describe("the payer's decision at the sandbox bank", () => {
  it('is taken once: the trade is paid and its notify queued with it; a second tap changes nothing', async () => {
    const trade = await openTrade();
    const paidAt = new Date();
    const decided = await decideTrade(trade.bankTradeNo, 'pay', paidAt);
    expect(decided).toMatchObject({ bankTradeNo: trade.bankTradeNo, status: 'SUCCESS', paidAt, amountFen: trade.amountFen });
    expect(await notifyJobs(trade.bankTradeNo)).toEqual(['0']);

    await expect(decideTrade(trade.bankTradeNo, 'cancel', new Date())).rejects.toMatchObject({ code: 'invalid_transition' });
    expect(await findTrade(pool(), { bankTradeNo: trade.bankTradeNo })).toMatchObject({ status: 'SUCCESS', paidAt });
    expect(await notifyJobs(trade.bankTradeNo)).toEqual(['0']);
  });

  it('a cancelled trade is FAILED, with no payment time, and its notify queued', async () => {
    const trade = await openTrade();
    expect(await decideTrade(trade.bankTradeNo, 'cancel', new Date())).toMatchObject({ status: 'FAILED', paidAt: null });
    expect(await notifyJobs(trade.bankTradeNo)).toEqual(['0']);
  });

  it('refuses a trade past its limit and an unknown trade, and queues nothing', async () => {
    const trade = await openTrade(1);
    const late = new Date(trade.expiresAt.getTime() + 1000);
    await expect(decideTrade(trade.bankTradeNo, 'pay', late)).rejects.toMatchObject({ code: 'invalid_transition', message: expect.stringContaining('CLOSED') });
    expect(await findTrade(pool(), { bankTradeNo: trade.bankTradeNo })).toMatchObject({ status: 'PENDING', paidAt: null });
    expect(await notifyJobs(trade.bankTradeNo)).toEqual([]);

    const unknown = `SB${'0'.repeat(24)}`;
    await expect(decideTrade(unknown, 'pay', new Date())).rejects.toMatchObject({ code: 'not_found' });
    expect(await notifyJobs(unknown)).toEqual([]);
  });
});
