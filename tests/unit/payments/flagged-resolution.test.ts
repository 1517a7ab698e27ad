import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pool } from '@/lib/db/client';
import { getResidentPayment } from '@/lib/payments/resident-payments';
import { reconcileDay, searchPayments } from '@/lib/payments/staff-payments';
import { shanghaiDateOf } from '@/lib/billing';
import { creditFlaggedPayment, refundFlaggedPayment, RESOLUTION_TRANSITIONS, type Resolver } from '@/lib/payments/resolve-flagged';
import { payRefund } from '@/lib/refunds/pay-refund';
import { approveRefund } from '@/lib/refunds/review-refund';
import { submitRefund } from '@/lib/refunds/submit-refund';
import { deliverTradeNotify } from '@/lib/sandbox-bank/notify-job';
import { decideTrade, findTrade } from '@/lib/sandbox-bank/trades';
import { seedStaff } from '@/lib/seed/records';
import { billState, seedBill, startSandboxPayment, startSandboxWorld, type SandboxWorld } from './db-support';

let world: SandboxWorld;

beforeAll(async () => {
  world = await startSandboxWorld();
});

afterAll(async () => {
  await world.bank.close();
});

async function staff(utilityId: string, role: 'AGENT' | 'SUPERVISOR' | 'ADMIN'): Promise<Resolver> {
  const username = `${role.toLowerCase()}-${randomBytes(4).toString('hex')}`;
  const staffId = await seedStaff({ utilityId, username, password: 'Test#password1', name: '主管老张', role });
  return { staffId, utilityId, role, name: username };
}

/**
 * A bill of 4,264.42 元 whose payment the sandbox bank took for `takenFen` instead: the bank's
 * signed notify is flagged (amount_mismatch) and nothing reaches the bill.
 */
async function flaggedPayment(takenFen: bigint) {
  const seeded = await seedBill();
  const started = await startSandboxPayment(world, seeded);
  await pool().query(`UPDATE sandbox_bank_trade SET amount_fen = $2 WHERE out_trade_no = $1`, [started.payment.outTradeNo, takenFen.toString()]);
  const trade = await findTrade(pool(), { merchantId: world.side.merchantId, outTradeNo: started.payment.outTradeNo });
  await decideTrade(trade!.bankTradeNo, 'pay', new Date());
  await deliverTradeNotify(world.side, trade!.bankTradeNo, new Date());
  const { rows } = await pool().query<{ status: string; flagged_reason: string | null }>(`SELECT status, flagged_reason FROM payment WHERE id = $1`, [started.payment.id]);
  expect(rows[0]!.flagged_reason).toMatch(/^amount_mismatch/);
  expect((await billState(seeded.billId)).ledger).toEqual([]);
  return { ...seeded, paymentId: started.payment.id, outTradeNo: started.payment.outTradeNo, askedFen: started.payment.amountFen };
}

async function paymentRow(id: string) {
  const { rows } = await pool().query<{ status: string; amount_fen: string; outcome: string | null; asked_fen: string | null; confirmed_fen: string | null }>(
    `SELECT p.status, p.amount_fen::text AS amount_fen, r.outcome, r.asked_fen::text AS asked_fen, r.confirmed_fen::text AS confirmed_fen
     FROM payment p LEFT JOIN payment_resolution r ON r.payment_id = p.id WHERE p.id = $1`,
    [id],
  );
  return rows[0]!;
}

async function auditOf(entityId: string, action: string) {
  const { rows } = await pool().query<{ actor_kind: string; actor_id: string | null; detail: Record<string, unknown> }>(
    `SELECT actor_kind, actor_id, detail FROM audit_log WHERE entity_id = $1 AND action = $2`,
    [entityId, action],
  );
  return rows;
}

describe('resolving a flagged payment', () => {
  it('has two final resolutions and nothing else', () => {
    expect(RESOLUTION_TRANSITIONS.flagged).toEqual(['credited', 'refunded']);
    expect(RESOLUTION_TRANSITIONS.credited).toEqual([]);
    expect(RESOLUTION_TRANSITIONS.refunded).toEqual([]);
  });

  it('核实后入账 credits what the channel confirms, once, with the note in the audit log', async () => {
    // Asked 4,264.42 元; the bank took 1,000.00 元.
    const p = await flaggedPayment(100_000n);
    const supervisor = await staff(p.utilityId, 'SUPERVISOR');
    expect((await searchPayments(p.utilityId, { flagged: 'open', query: p.accountNo })).map((r) => r.id)).toEqual([p.paymentId]);
    const done = await creditFlaggedPayment(world.channels, { paymentId: p.paymentId, actor: supervisor, note: '已与银行核对流水' }, new Date());
    expect(done).toEqual({ amountFen: 100_000n, overpaidFen: 0n });
    const bill = await billState(p.billId);
    expect(bill.ledger).toEqual([{ amount_fen: '100000', source_id: `payment:${p.paymentId}` }]);
    expect(bill.status).toBe('ISSUED'); // 3,264.42 元 still owed
    // What was asked never changes; the resolution keeps what the channel confirmed.
    expect(await paymentRow(p.paymentId)).toEqual({ status: 'succeeded', amount_fen: p.askedFen.toString(), outcome: 'credited', asked_fen: p.askedFen.toString(), confirmed_fen: '100000' });
    // The resident's receipt shows the money the channel took.
    expect((await getResidentPayment(p.residentId, p.paymentId))?.amountFen).toBe(100_000n);
    const audit = await auditOf(p.paymentId, 'payment.flag_credited');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_kind: 'STAFF', actor_id: supervisor.staffId, detail: { note: '已与银行核对流水', confirmedFen: '100000' } });

    // Reconciliation still lists it among the exceptions, now resolved, and the credited money
    // matches the ledger (measured by what the channel confirmed).
    const report = await reconcileDay(p.utilityId, shanghaiDateOf(new Date()));
    expect(report.exceptions.map((e) => [e.id, e.resolution, e.ledgerFen])).toEqual([[p.paymentId, 'credited', 100_000n]]);
    expect(report.channels.map((c) => [c.channel, c.succeededFen > 0n, c.ledgerMismatchFen])).toEqual([['sandbox-bank', true, 0n]]);
    const waiting = await searchPayments(p.utilityId, { flagged: 'open', query: p.accountNo });
    const all = await searchPayments(p.utilityId, { flagged: 'all', query: p.accountNo });
    expect([waiting.length, all.map((r) => r.resolution)]).toEqual([0, ['credited']]);

    // Already credited: neither resolution may run again, and the bill keeps one entry.
    await expect(creditFlaggedPayment(world.channels, { paymentId: p.paymentId, actor: supervisor, note: '再入一次' }, new Date())).rejects.toMatchObject({ code: 'conflict' });
    await expect(refundFlaggedPayment(world.channels, { paymentId: p.paymentId, actor: supervisor, note: '退回' }, new Date())).rejects.toMatchObject({ code: 'conflict' });
    expect((await billState(p.billId)).ledger).toHaveLength(1);
  });

  it('a success reported after the payment failed is credited once staff check it, and settles the bill', async () => {
    const seeded = await seedBill();
    const started = await startSandboxPayment(world, seeded);
    // We gave up on it (as a refused query would), then the bank took the money anyway.
    await pool().query(`UPDATE payment SET status = 'failed', next_query_at = NULL WHERE id = $1`, [started.payment.id]);
    const trade = await findTrade(pool(), { merchantId: world.side.merchantId, outTradeNo: started.payment.outTradeNo });
    await decideTrade(trade!.bankTradeNo, 'pay', new Date());
    await deliverTradeNotify(world.side, trade!.bankTradeNo, new Date());
    expect(await paymentRow(started.payment.id)).toMatchObject({ status: 'failed', outcome: null });
    const { rows } = await pool().query<{ flagged_reason: string }>(`SELECT flagged_reason FROM payment WHERE id = $1`, [started.payment.id]);
    expect(rows[0]!.flagged_reason).toBe('succeeded_after_failed');

    const supervisor = await staff(seeded.utilityId, 'SUPERVISOR');
    const done = await creditFlaggedPayment(world.channels, { paymentId: started.payment.id, actor: supervisor, note: '银行确认已扣款' }, new Date());
    expect(done).toEqual({ amountFen: started.payment.amountFen, overpaidFen: 0n });
    expect(await billState(seeded.billId)).toEqual({ status: 'PAID', ledger: [{ amount_fen: started.payment.amountFen.toString(), source_id: `payment:${started.payment.id}` }] });
    expect(await paymentRow(started.payment.id)).toMatchObject({ status: 'succeeded', outcome: 'credited' });
  });

  it('money beyond what the bill owes stays on it as overpayment, as the billing core keeps it', async () => {
    const seeded = await flaggedPayment(500_000n); // 5,000.00 元 taken on a 4,264.42 元 bill
    const admin = await staff(seeded.utilityId, 'ADMIN');
    const done = await creditFlaggedPayment(world.channels, { paymentId: seeded.paymentId, actor: admin, note: '多缴，入账后可申请退多缴' }, new Date());
    expect(done.amountFen).toBe(500_000n);
    expect(done.overpaidFen).toBe(500_000n - seeded.askedFen);
    expect((await billState(seeded.billId)).status).toBe('PAID');
    // The resident's own OVERPAYMENT request pays the surplus (735.58 元) back through this payment.
    const asked = await submitRefund(
      { residentId: seeded.residentId, billId: seeded.billId, reason: 'OVERPAYMENT', note: null, idempotencyKey: randomUUID() },
      new Date(),
      { supervisorThresholdFen: 10_000_000n, promiseWorkingDays: 10 },
    );
    await approveRefund({ refundId: asked.refundId, actor: { kind: 'STAFF', ...admin } }, new Date());
    await payRefund(world.channels, asked.refundId, new Date(), { maxAttempts: 3 });
    const bank = await pool().query<{ refund_fen: string }>(`SELECT refund_fen::text AS refund_fen FROM sandbox_bank_refund WHERE out_trade_no = $1`, [seeded.outTradeNo]);
    expect(bank.rows).toEqual([{ refund_fen: (500_000n - seeded.askedFen).toString() }]);
  });

  it('two supervisors resolving at once make exactly one resolution; the bill is credited at most once', async () => {
    const p = await flaggedPayment(200_000n);
    const [a, b, c] = await Promise.all([staff(p.utilityId, 'SUPERVISOR'), staff(p.utilityId, 'SUPERVISOR'), staff(p.utilityId, 'ADMIN')]);
    const now = new Date();
    const results = await Promise.allSettled([
      creditFlaggedPayment(world.channels, { paymentId: p.paymentId, actor: a, note: '核实入账 A' }, now),
      creditFlaggedPayment(world.channels, { paymentId: p.paymentId, actor: b, note: '核实入账 B' }, now),
      refundFlaggedPayment(world.channels, { paymentId: p.paymentId, actor: c, note: '原路退回 C' }, now),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'conflict' });
    const { rows } = await pool().query<{ n: string }>(`SELECT count(*)::text AS n FROM payment_resolution WHERE payment_id = $1`, [p.paymentId]);
    expect(rows[0]!.n).toBe('1');
    const ledger = (await billState(p.billId)).ledger.filter((l) => l.source_id === `payment:${p.paymentId}`);
    const refunds = await pool().query(`SELECT 1 FROM refund_request WHERE bill_id = $1`, [p.billId]);
    // Either credited once and no refund, or paid back and never credited.
    expect(ledger.length + (refunds.rowCount ?? 0)).toBe(1);
  });

  it('原路退回 pays the confirmed amount back through the same channel and takes nothing off the bill', async () => {
    const p = await flaggedPayment(123_456n);
    const supervisor = await staff(p.utilityId, 'SUPERVISOR');
    const started = await refundFlaggedPayment(world.channels, { paymentId: p.paymentId, actor: supervisor, note: '金额不符，退回后请居民重新缴费' }, new Date());
    expect(started.amountFen).toBe(123_456n);
    const { rows: req } = await pool().query<{ state: string; reason: string; amount_fen: string }>(
      `SELECT state, reason, amount_fen::text AS amount_fen FROM refund_request WHERE id = $1`,
      [started.refundId],
    );
    expect(req[0]).toEqual({ state: 'approved', reason: 'FLAGGED_PAYMENT', amount_fen: '123456' });
    // The open payment is closed: the resident may start a new one for the bill.
    expect(await paymentRow(p.paymentId)).toMatchObject({ status: 'failed', confirmed_fen: '123456', outcome: 'refunded' });

    await payRefund(world.channels, started.refundId, new Date(), { maxAttempts: 3 });
    const { rows: after } = await pool().query<{ state: string }>(`SELECT state FROM refund_request WHERE id = $1`, [started.refundId]);
    expect(after[0]!.state).toBe('refunded');
    const bank = await pool().query<{ refund_fen: string }>(`SELECT refund_fen::text AS refund_fen FROM sandbox_bank_refund WHERE out_trade_no = $1`, [p.outTradeNo]);
    expect(bank.rows).toEqual([{ refund_fen: '123456' }]);
    // A second payRefund (a replayed job) sends nothing more.
    await payRefund(world.channels, started.refundId, new Date(), { maxAttempts: 3 });
    expect((await pool().query(`SELECT 1 FROM sandbox_bank_refund WHERE out_trade_no = $1`, [p.outTradeNo])).rowCount).toBe(1);
    const bill = await billState(p.billId);
    expect(bill.ledger).toEqual([]);
    expect(bill.status).toBe('ISSUED');
    expect(await auditOf(p.paymentId, 'payment.flag_refunded')).toHaveLength(1);
    await expect(creditFlaggedPayment(world.channels, { paymentId: p.paymentId, actor: supervisor, note: '入账' }, new Date())).rejects.toMatchObject({ code: 'conflict' });
  });

  it('an agent, or a supervisor of another utility, cannot resolve; a note is required', async () => {
    const p = await flaggedPayment(100_000n);
    const agent = await staff(p.utilityId, 'AGENT');
    const other = await seedBill();
    const stranger = await staff(other.utilityId, 'SUPERVISOR');
    const supervisor = await staff(p.utilityId, 'SUPERVISOR');
    const now = new Date();
    await expect(creditFlaggedPayment(world.channels, { paymentId: p.paymentId, actor: agent, note: '入账' }, now)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(refundFlaggedPayment(world.channels, { paymentId: p.paymentId, actor: agent, note: '退回' }, now)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(creditFlaggedPayment(world.channels, { paymentId: p.paymentId, actor: stranger, note: '入账' }, now)).rejects.toMatchObject({ code: 'not_found' });
    await expect(refundFlaggedPayment(world.channels, { paymentId: p.paymentId, actor: stranger, note: '退回' }, now)).rejects.toMatchObject({ code: 'not_found' });
    await expect(creditFlaggedPayment(world.channels, { paymentId: p.paymentId, actor: supervisor, note: '   ' }, now)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await paymentRow(p.paymentId)).toMatchObject({ status: 'pending', outcome: null });
    expect((await billState(p.billId)).ledger).toEqual([]);
  });

  it('a payment that is not flagged cannot be resolved', async () => {
    const seeded = await seedBill();
    const started = await startSandboxPayment(world, seeded);
    const supervisor = await staff(seeded.utilityId, 'SUPERVISOR');
    await expect(creditFlaggedPayment(world.channels, { paymentId: started.payment.id, actor: supervisor, note: '入账' }, new Date())).rejects.toMatchObject({ code: 'invalid_transition' });
  });
});
