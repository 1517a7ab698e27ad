import { randomBytes } from 'node:crypto';
import { settlementFen } from '@/lib/billing';
import { applyToBill } from '@/lib/bills/apply-to-bill';
import { loadBillForUpdate } from '@/lib/bills/load-bill';
import { pool } from '@/lib/db/client';
import { withTransaction } from '@/lib/db/transaction';
import { env } from '@/lib/env';
import { newOutTradeNo } from '@/lib/payments/trade-number';
import { approveRefund } from '@/lib/refunds/review-refund';
import { submitRefund } from '@/lib/refunds/submit-refund';

/**
 * Refunds for the demo: 王秀兰 paid this season's bills through the sandbox bank; she asks for a
 * cold-room refund from the temperatures measured on her complaint (waiting for review), and for
 * money paid twice (once at the counter), which an agent approved: the refunds job pays that one
 * back through the sandbox bank as soon as the server runs. A second run changes nothing.
 */
export interface RefundsDemoInput {
  utilityId: string;
  residentId: string;
  /** Her account with the measured complaint, and her second account. */
  coldAccountId: string;
  overpaidAccountId: string;
  agentId: string;
}

const KEYS = { cold: 'demo-refund-cold', over: 'demo-refund-overpaid' } as const;

async function billOf(accountId: string): Promise<string | null> {
  const { rows } = await pool().query<{ id: string }>(`SELECT id FROM bill WHERE account_id = $1 AND season = 2026`, [accountId]);
  return rows[0]?.id ?? null;
}

/** A sandbox-bank payment of the whole bill, on Nuanxin's books and the bank's, as its notify would leave them. */
async function paidThroughSandbox(residentId: string, billId: string, key: string, at: Date): Promise<void> {
  const { rows: seen } = await pool().query(`SELECT 1 FROM payment WHERE resident_id = $1 AND idempotency_key = $2`, [residentId, key]);
  if (seen.length > 0) return;
  await withTransaction(async (client) => {
    const bill = await loadBillForUpdate(client, billId);
    if (!bill) return;
    const amount = settlementFen(bill.tariff, bill.property, bill.payments, at);
    if (amount <= 0n) return;
    const outTradeNo = newOutTradeNo(at);
    const bankTradeNo = `SB${randomBytes(12).toString('hex').toUpperCase()}`;
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO payment (out_trade_no, bill_id, resident_id, channel, amount_fen, status, idempotency_key, quoted_at, expires_at, paid_at, channel_trade_no)
       VALUES ($1, $2, $3, 'sandbox-bank', $4, 'succeeded', $5, $6, $6, $6, $7) RETURNING id`,
      [outTradeNo, billId, residentId, amount.toString(), key, at, bankTradeNo],
    );
    await client.query(
      `INSERT INTO sandbox_bank_trade (bank_trade_no, merchant_id, out_trade_no, amount_fen, subject, notify_url, return_url, status, expires_at, paid_at)
       VALUES ($1, $2, $3, $4, '暖心供暖 采暖费', '', '', 'SUCCESS', $5, $5)`,
      [bankTradeNo, env().SANDBOX_BANK_MERCHANT_ID, outTradeNo, amount.toString(), at],
    );
    await applyToBill(client, billId, { amountFen: amount, at, kind: 'payment', sourceId: `payment:${rows[0]!.id}` });
  });
}

export async function seedRefundsDemo(d: RefundsDemoInput): Promise<void> {
  const now = new Date();
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
  const policy = { supervisorThresholdFen: BigInt(env().REFUND_SUPERVISOR_THRESHOLD_FEN), promiseWorkingDays: env().REFUND_PROMISE_WORKING_DAYS };

  const coldBill = await billOf(d.coldAccountId);
  if (coldBill) {
    await paidThroughSandbox(d.residentId, coldBill, 'demo-pay-cold', daysAgo(20));
    await submitRefund(
      { residentId: d.residentId, billId: coldBill, reason: 'COLD_ROOMS', note: '客厅只有 15 度，维修师傅来测过。', idempotencyKey: KEYS.cold },
      now,
      policy,
    ).catch(ignoreNothingToRefund);
  }

  const overBill = await billOf(d.overpaidAccountId);
  if (overBill) {
    await paidThroughSandbox(d.residentId, overBill, 'demo-pay-over', daysAgo(12));
    // Her son also paid 100.00 元 at the counter, not knowing she had paid online.
    await withTransaction((client) => applyToBill(client, overBill, { amountFen: 10_000n, at: daysAgo(10), kind: 'legacy', sourceId: `demo-counter-${overBill}` }));
    const over = await submitRefund(
      { residentId: d.residentId, billId: overBill, reason: 'OVERPAYMENT', note: '重复缴费，请退回。', idempotencyKey: KEYS.over },
      now,
      policy,
    ).catch(ignoreNothingToRefund);
    if (over?.created) {
      await approveRefund({ refundId: over.refundId, actor: { kind: 'STAFF', staffId: d.agentId, utilityId: d.utilityId, role: 'AGENT', name: '陈晓' } }, now);
    }
  }
}

/** The demo's measurements or payments may give nothing to refund (another season's dates): then there is no request. */
function ignoreNothingToRefund(error: unknown): null {
  if (error instanceof Error && 'detail' in error && (error as { detail?: string }).detail === 'nothing_to_refund') return null;
  throw error;
}
