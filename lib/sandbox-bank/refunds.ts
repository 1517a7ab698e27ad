import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { pool } from '@/lib/db/client';
import { withTransaction } from '@/lib/db/transaction';
import { enqueue, prepareQueue } from '@/lib/jobs/boss';
import { SANDBOX_REFUND_NOTIFY_JOB } from './notify-schedule';
import { findTrade } from './trades';

/** Sandbox refunds settle at once: the bank's simulation has no clearing delay. */
export interface BankRefund {
  bankRefundNo: string;
  outTradeNo: string;
  outRefundNo: string;
  refundFen: bigint;
  status: 'PROCESSING' | 'SUCCESS' | 'FAILED';
  succeededAt: Date | null;
}

interface Row {
  bank_refund_no: string;
  out_trade_no: string;
  out_refund_no: string;
  refund_fen: string;
  status: BankRefund['status'];
  succeeded_at: Date | null;
}

const toRefund = (r: Row): BankRefund => ({
  bankRefundNo: r.bank_refund_no,
  outTradeNo: r.out_trade_no,
  outRefundNo: r.out_refund_no,
  refundFen: BigInt(r.refund_fen),
  status: r.status,
  succeededAt: r.succeeded_at,
});

const COLUMNS = `bank_refund_no, out_trade_no, out_refund_no, refund_fen::text AS refund_fen, status, succeeded_at`;

export async function findRefund(merchantId: string, outRefundNo: string, db: pg.Pool | pg.PoolClient = pool()): Promise<BankRefund | null> {
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM sandbox_bank_refund WHERE merchant_id = $1 AND out_refund_no = $2`,
    [merchantId, outRefundNo],
  );
  return rows[0] ? toRefund(rows[0]) : null;
}

/** Idempotent by out_refund_no; the refunds of a trade never exceed what was paid. */
export async function createRefund(
  merchantId: string,
  request: { out_trade_no: string; out_refund_no: string; refund_fen: string; notify_url: string },
  now: Date,
): Promise<BankRefund | 'NOT_FOUND' | 'REFUND_EXCEEDS'> {
  await prepareQueue(SANDBOX_REFUND_NOTIFY_JOB);
  return withTransaction(async (client) => {
    const trade = await findTrade(client, { merchantId, outTradeNo: request.out_trade_no }, true);
    if (!trade) return 'NOT_FOUND';
    // On the transaction's own connection: asking the pool for another while holding this one
    // starves it when many refunds arrive at once.
    const existing = await findRefund(merchantId, request.out_refund_no, client);
    if (existing) return existing;
    const { rows } = await client.query<{ total: string }>(
      `SELECT coalesce(sum(refund_fen), 0)::text AS total FROM sandbox_bank_refund WHERE merchant_id = $1 AND out_trade_no = $2`,
      [merchantId, request.out_trade_no],
    );
    const refundFen = BigInt(request.refund_fen);
    if (trade.status !== 'SUCCESS' || BigInt(rows[0]?.total ?? '0') + refundFen > trade.amountFen) return 'REFUND_EXCEEDS';
    const inserted = await client.query<Row>(
      `INSERT INTO sandbox_bank_refund (bank_refund_no, merchant_id, out_trade_no, out_refund_no, refund_fen, notify_url, status, succeeded_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'SUCCESS', $7) RETURNING ${COLUMNS}`,
      [`SR${randomBytes(12).toString('hex').toUpperCase()}`, merchantId, request.out_trade_no, request.out_refund_no, refundFen.toString(), request.notify_url, now],
    );
    const refund = toRefund(inserted.rows[0]!);
    // Like the big channels, the bank also tells the merchant's refund notify URL, once committed.
    if (request.notify_url !== '') {
      await enqueue(SANDBOX_REFUND_NOTIFY_JOB, { merchantId, outRefundNo: refund.outRefundNo, attempt: 0 }, { startAfter: new Date(now.getTime() + 1_000) }, client);
    }
    return refund;
  });
}
