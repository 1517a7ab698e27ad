import type pg from 'pg';
import type { ChannelId } from '@/lib/payments/channel';
import { newOutTradeNo } from '@/lib/payments/trade-number';

/**
 * Splitting a refund across the original payments of its bill. The payment rows are locked
 * (oldest paid first) while the split is decided and written, so refunds approved at the same
 * moment on one payment are split one after the other, each seeing the payouts of the ones before:
 * the payouts of a payment that are not failed never add up to more than it (a trigger checks too).
 */
export interface Payout {
  id: string;
  paymentId: string;
  outRefundNo: string;
  amountFen: bigint;
  status: 'processing' | 'succeeded' | 'failed' | 'abnormal';
  outTradeNo: string;
  channel: ChannelId;
  paymentAmountFen: bigint;
}

/** What a payment carries: what it asked, or what the channel confirmed when staff resolved its flag. */
export const CARRIED_FEN = `coalesce((SELECT r.confirmed_fen FROM payment_resolution r WHERE r.payment_id = p.id), p.amount_fen)`;

export const PAYOUT_COLUMNS = `o.id, o.payment_id, o.out_refund_no, o.amount_fen::text AS amount_fen, o.status,
  p.out_trade_no, p.channel, ${CARRIED_FEN}::text AS payment_amount_fen`;

export interface PayoutRow {
  id: string;
  payment_id: string;
  out_refund_no: string;
  amount_fen: string;
  status: Payout['status'];
  out_trade_no: string;
  channel: ChannelId;
  payment_amount_fen: string;
}

export function toPayout(r: PayoutRow): Payout {
  return {
    id: r.id,
    paymentId: r.payment_id,
    outRefundNo: r.out_refund_no,
    amountFen: BigInt(r.amount_fen),
    status: r.status,
    outTradeNo: r.out_trade_no,
    channel: r.channel,
    paymentAmountFen: BigInt(r.payment_amount_fen),
  };
}

export async function payoutsOf(db: pg.Pool | pg.PoolClient, refundId: string): Promise<Payout[]> {
  const { rows } = await db.query<PayoutRow>(
    `SELECT ${PAYOUT_COLUMNS} FROM refund_payout o JOIN payment p ON p.id = o.payment_id WHERE o.refund_id = $1 ORDER BY o.created_at, o.id`,
    [refundId],
  );
  return rows.map(toPayout);
}

/**
 * Allocates `needFen` over the bill's paid payments, in the caller's transaction. Returns false
 * (writing nothing) when the money still refundable on them is less than asked.
 */
export async function allocatePayouts(client: pg.PoolClient, refundId: string, billId: string, needFen: bigint, now: Date): Promise<boolean> {
  // The payback of a flagged payment (lib/payments/resolve-flagged.ts) comes from that payment
  // alone; every other refund from the bill's paid payments, a flagged one only once credited.
  const { rows } = await client.query<{ id: string; amount_fen: string }>(
    `SELECT p.id, coalesce(r.confirmed_fen, p.amount_fen)::text AS amount_fen FROM payment p
     LEFT JOIN payment_resolution r ON r.payment_id = p.id
     WHERE p.bill_id = $1 AND CASE
       WHEN EXISTS (SELECT 1 FROM payment_resolution x WHERE x.refund_id = $2) THEN r.refund_id IS NOT DISTINCT FROM $2
       ELSE p.status IN ('succeeded', 'partially_refunded') AND (p.flagged_reason IS NULL OR r.outcome = 'credited') END
     ORDER BY p.paid_at NULLS LAST, p.id
     FOR UPDATE OF p`,
    [billId, refundId],
  );
  if (rows.length === 0) return needFen <= 0n;
  const { rows: used } = await client.query<{ payment_id: string; used: string }>(
    `SELECT payment_id, sum(amount_fen)::text AS used FROM refund_payout WHERE payment_id = ANY($1::uuid[]) AND status <> 'failed' GROUP BY payment_id`,
    [rows.map((r) => r.id)],
  );
  const usedOf = new Map(used.map((u) => [u.payment_id, BigInt(u.used)]));
  const plan: { paymentId: string; amountFen: bigint }[] = [];
  let left = needFen;
  for (const payment of rows) {
    if (left <= 0n) break;
    const room = BigInt(payment.amount_fen) - (usedOf.get(payment.id) ?? 0n);
    if (room <= 0n) continue;
    const take = room < left ? room : left;
    plan.push({ paymentId: payment.id, amountFen: take });
    left -= take;
  }
  if (left > 0n) return false;
  for (const part of plan) {
    await client.query(
      `INSERT INTO refund_payout (refund_id, payment_id, out_refund_no, amount_fen, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'processing', $5, $5)`,
      [refundId, part.paymentId, newOutTradeNo(now).replace(/^NX/, 'NR'), part.amountFen.toString(), now],
    );
  }
  return true;
}
