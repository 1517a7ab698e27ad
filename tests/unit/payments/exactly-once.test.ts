import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pool } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { signSandboxMessage } from '@/lib/payments/channels/sandbox-bank/protocol';
import { createPayment, type CreatePaymentRequest } from '@/lib/payments/create-payment';
import { queryDuePayments } from '@/lib/payments/query-job';
import { queryPayment } from '@/lib/payments/query-payment';
import { paymentFields } from '@/lib/sandbox-bank/gateway';
import { deliverTradeNotify } from '@/lib/sandbox-bank/notify-job';
import { decideTrade, findTrade } from '@/lib/sandbox-bank/trades';
import { billState, seedBill, startSandboxWorld, type SandboxWorld } from './db-support';

let world: SandboxWorld;

beforeAll(async () => {
  world = await startSandboxWorld();
});

afterAll(async () => {
  await world.bank.close();
});

function request(residentId: string, billId: string, over: Partial<CreatePaymentRequest> = {}): CreatePaymentRequest {
  return {
    residentId,
    billId,
    channel: 'sandbox-bank',
    idempotencyKey: randomUUID(),
    origin: 'https://nuanxin.test',
    limitMinutes: 15,
    now: new Date(),
    ...over,
  };
}

async function bankTradeOf(outTradeNo: string) {
  const trade = await findTrade(pool(), { merchantId: world.side.merchantId, outTradeNo });
  if (!trade) throw new Error(`no bank trade ${outTradeNo}`);
  return trade;
}

/** A notify exactly as the bank sends it, signed with a fresh nonce, with fields overridden. */
function notifyBody(fields: Record<string, string>, secret = world.side.secret): string {
  return JSON.stringify(
    signSandboxMessage({ type: 'payment.notify', merchant_id: world.side.merchantId, ...fields }, secret, {
      now: new Date(),
      nonce: randomBytes(16).toString('hex'),
    }),
  );
}

async function post(body: string): Promise<{ status: number; body: string }> {
  const res = await fetch(world.bank.notifyUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  return { status: res.status, body: await res.text() };
}

async function events(paymentId: string): Promise<string[]> {
  const { rows } = await pool().query<{ e: string }>(
    `SELECT coalesce(from_status::text, '∅') || '→' || to_status || ' (' || source || ')' AS e FROM payment_event WHERE payment_id = $1 ORDER BY id`,
    [paymentId],
  );
  return rows.map((r) => r.e);
}

describe('paying a bill through the sandbox bank', () => {
  it('asks for the settlement, is credited once by the verified notify, and marks the bill paid', async () => {
    const { residentId, billId } = await seedBill();
    const started = await createPayment(world.channels, request(residentId, billId));
    // 100 m² Harbin-like: 426,441.6 → 4,264.42 元, no discount or late fee on 2026-11-25.
    expect(started.payment.amountFen).toBe(426_442n);
    expect(started.payment.outTradeNo).toMatch(/^NX\d{14}[A-Z2-9]{12}$/);
    expect(started.launch).toMatchObject({ kind: 'hosted' });
    await decideTrade((await bankTradeOf(started.payment.outTradeNo)).bankTradeNo, 'pay', new Date());
    expect(await billState(billId)).toMatchObject({ status: 'ISSUED', ledger: [] });

    expect(await deliverTradeNotify(world.side, (await bankTradeOf(started.payment.outTradeNo)).bankTradeNo, new Date())).toBe(true);
    expect(await billState(billId)).toEqual({
      status: 'PAID',
      ledger: [{ amount_fen: '426442', source_id: `payment:${started.payment.id}` }],
    });
    expect(await events(started.payment.id)).toEqual(['∅→created (create)', 'created→pending (create)', 'pending→succeeded (notify)']);
  });

  it('20 concurrent starts give one payment; 50 identical and 50 fresh notifies credit the bill once', async () => {
    const { residentId, billId } = await seedBill();
    const keys = [randomUUID(), randomUUID(), randomUUID()];
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => createPayment(world.channels, request(residentId, billId, { idempotencyKey: keys[i % 3]! }))),
    );
    const ids = new Set(results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.payment.id] : [])));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(ids.size).toBe(1);
    const { rows } = await pool().query(`SELECT id FROM payment WHERE bill_id = $1`, [billId]);
    expect(rows).toHaveLength(1);

    const [paymentId] = [...ids];
    const outTradeNo = (await pool().query<{ out_trade_no: string }>(`SELECT out_trade_no FROM payment WHERE id = $1`, [paymentId])).rows[0]!.out_trade_no;
    const trade = await decideTrade((await bankTradeOf(outTradeNo)).bankTradeNo, 'pay', new Date());
    const identical = notifyBody(paymentFields(trade, new Date()));
    const replies = await Promise.all(Array.from({ length: 50 }, () => post(identical)));
    // One is applied; the other 49 carry a nonce already used and are refused.
    expect(replies.filter((r) => r.body === 'OK')).toHaveLength(1);
    const fresh = await Promise.all(Array.from({ length: 50 }, () => post(notifyBody(paymentFields(trade, new Date())))));
    // Freshly signed duplicates are genuine: acknowledged, and they change nothing.
    expect(fresh.every((r) => r.body === 'OK')).toBe(true);

    const state = await billState(billId);
    expect(state.status).toBe('PAID');
    expect(state.ledger).toEqual([{ amount_fen: '426442', source_id: `payment:${paymentId}` }]);
    const credited = await pool().query(`SELECT 1 FROM audit_log WHERE action = 'payment.credited' AND entity_id = $1`, [paymentId]);
    expect(credited.rowCount).toBe(1);
    expect((await events(paymentId!)).filter((e) => e.includes('succeeded'))).toHaveLength(1);
    await expect(createPayment(world.channels, request(residentId, billId))).rejects.toMatchObject({ code: 'invalid_transition' });
  });

  it('refuses forged notifies and leaves no trace on the bill; a signed wrong amount is flagged', async () => {
    const { residentId, billId } = await seedBill();
    const { payment } = await createPayment(world.channels, request(residentId, billId));
    const trade = await decideTrade((await bankTradeOf(payment.outTradeNo)).bankTradeNo, 'pay', new Date());
    const genuine = paymentFields(trade, new Date());

    const badSignature = await post(notifyBody(genuine, `${world.side.secret}x`));
    const tampered = JSON.parse(notifyBody(genuine)) as Record<string, string>;
    tampered.amount_fen = '1';
    const tamperedReply = await post(JSON.stringify(tampered));
    const unknown = await post(notifyBody({ ...genuine, out_trade_no: 'NX20261125000000UNKNOWN00001' }));
    const wrongAmount = await post(notifyBody({ ...genuine, amount_fen: '100' }));
    for (const reply of [badSignature, tamperedReply, unknown, wrongAmount]) expect(reply).toEqual({ status: 400, body: 'RETRY' });

    expect(await billState(billId)).toEqual({ status: 'ISSUED', ledger: [] });
    const row = await pool().query<{ status: string; flagged_reason: string | null }>(`SELECT status, flagged_reason FROM payment WHERE id = $1`, [payment.id]);
    expect(row.rows[0]).toEqual({ status: 'pending', flagged_reason: 'amount_mismatch: asked 426442 fen, channel says 100 fen' });
    // Once flagged, even the genuine amount is not credited automatically: staff decide.
    expect(await post(notifyBody(genuine))).toEqual({ status: 400, body: 'RETRY' });
    expect(await billState(billId)).toEqual({ status: 'ISSUED', ledger: [] });
  });

  it('learns a payment by query when no notify comes, and expires an unpaid one after its limit', async () => {
    const paid = await seedBill();
    const first = await createPayment(world.channels, request(paid.residentId, paid.billId));
    await decideTrade((await bankTradeOf(first.payment.outTradeNo)).bankTradeNo, 'pay', new Date());
    expect(await queryPayment(world.channels, first.payment.id, 'job', new Date())).toEqual({ status: 'succeeded', changed: true });
    expect((await billState(paid.billId)).status).toBe('PAID');

    const idle = await seedBill();
    const second = await createPayment(world.channels, request(idle.residentId, idle.billId, { limitMinutes: 0.02 }));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await queryPayment(world.channels, second.payment.id, 'job', new Date())).toEqual({ status: 'expired', changed: true });
    expect(await billState(idle.billId)).toEqual({ status: 'ISSUED', ledger: [] });
    // The bill is free again: a new attempt gets a new trade number.
    const retry = await createPayment(world.channels, request(idle.residentId, idle.billId));
    expect(retry.payment.id).not.toBe(second.payment.id);
  });

  it('sweeps open payments at 5 and 10 minutes, then at the limit: learns the paid one, expires the unpaid one', async () => {
    // The channel signs with the real clock, so time passes by moving the payments into the past.
    const age = (id: string, minutes: number) =>
      pool().query(
        `UPDATE payment SET created_at = created_at - make_interval(mins => $2), quoted_at = quoted_at - make_interval(mins => $2),
                expires_at = expires_at - make_interval(mins => $2), next_query_at = next_query_at - make_interval(mins => $2)
          WHERE id = $1`,
        [id, minutes],
      );
    const schedule = async (id: string) => {
      const { rows } = await pool().query<{ status: string; step: number; next: Date | null; created_at: Date; expires_at: Date }>(
        `SELECT status, query_step AS step, next_query_at AS next, created_at, expires_at FROM payment WHERE id = $1`,
        [id],
      );
      const r = rows[0]!;
      const after = (from: Date, ms: number) => (r.next === null ? null : r.next.getTime() - from.getTime() === ms);
      return { status: r.status, step: r.step, next: r.next, r, after };
    };
    const sweep = (residentId: string) => queryDuePayments(world.channels, new Date(), { residentId });

    const paid = await seedBill();
    const silent = await createPayment(world.channels, request(paid.residentId, paid.billId));
    await decideTrade((await bankTradeOf(silent.payment.outTradeNo)).bankTradeNo, 'pay', new Date());
    const idle = await seedBill();
    const unpaid = await createPayment(world.channels, request(idle.residentId, idle.billId));
    let s = await schedule(unpaid.payment.id);
    expect(s.after(s.r.created_at, 5 * 60_000)).toBe(true);

    // Nothing is due before 5 minutes.
    expect(await sweep(paid.residentId)).toBe(0);
    await age(silent.payment.id, 5);
    expect(await sweep(paid.residentId)).toBe(1);
    s = await schedule(silent.payment.id);
    expect([s.status, s.step, s.next]).toEqual(['succeeded', 1, null]);
    expect((await billState(paid.billId)).status).toBe('PAID');
    // Swept again, a settled payment is not asked about.
    await age(silent.payment.id, 200);
    expect(await sweep(paid.residentId)).toBe(0);

    await age(unpaid.payment.id, 5);
    expect(await sweep(idle.residentId)).toBe(1);
    s = await schedule(unpaid.payment.id);
    expect([s.status, s.step, s.after(s.r.created_at, 10 * 60_000)]).toEqual(['pending', 1, true]);
    await age(unpaid.payment.id, 5);
    expect(await sweep(idle.residentId)).toBe(1);
    // The 30-minute step lies past the 15-minute limit: the next query comes just after expiry.
    s = await schedule(unpaid.payment.id);
    expect([s.status, s.step, s.after(s.r.expires_at, 61_000)]).toEqual(['pending', 2, true]);
    expect(await sweep(idle.residentId)).toBe(0);
    await age(unpaid.payment.id, 7);
    expect(await sweep(idle.residentId)).toBe(1);
    s = await schedule(unpaid.payment.id);
    expect([s.status, s.step, s.next]).toEqual(['expired', 3, null]);
    expect(await billState(idle.billId)).toEqual({ status: 'ISSUED', ledger: [] });
  });

  it('a cancelled payment frees the bill; the same page key returns the same payment', async () => {
    const { residentId, billId } = await seedBill();
    const key = randomUUID();
    const first = await createPayment(world.channels, request(residentId, billId, { idempotencyKey: key }));
    await decideTrade((await bankTradeOf(first.payment.outTradeNo)).bankTradeNo, 'cancel', new Date());
    await deliverTradeNotify(world.side, (await bankTradeOf(first.payment.outTradeNo)).bankTradeNo, new Date());
    const again = await createPayment(world.channels, request(residentId, billId, { idempotencyKey: key }));
    expect(again).toMatchObject({ payment: { id: first.payment.id, status: 'failed' }, launch: null });
    const retry = await createPayment(world.channels, request(residentId, billId));
    expect(retry.payment.status).toBe('pending');
    await expect(createPayment(world.channels, request(residentId, billId, { channel: 'alipay' }))).rejects.toBeInstanceOf(AppError);
  });
});
