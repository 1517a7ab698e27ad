import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { pool } from '@/lib/db/client';
import { withOpeningBatch } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors/app-error';
import type { VerifiedSandboxMessage } from '@/lib/payments/channels/sandbox-bank/protocol';
import { enqueue, prepareQueue } from '@/lib/jobs/boss';
import { SANDBOX_NOTIFY_JOB } from './notify-schedule';

/** The sandbox bank's books: trades it accepted and what the payer decided. */
export interface BankTrade {
  bankTradeNo: string;
  merchantId: string;
  outTradeNo: string;
  amountFen: bigint;
  subject: string;
  notifyUrl: string;
  returnUrl: string;
  status: 'PENDING' | 'SUCCESS' | 'FAILED' | 'CLOSED';
  expiresAt: Date;
  paidAt: Date | null;
}

interface Row {
  bank_trade_no: string;
  merchant_id: string;
  out_trade_no: string;
  amount_fen: string;
  subject: string;
  notify_url: string;
  return_url: string;
  status: BankTrade['status'];
  expires_at: Date;
  paid_at: Date | null;
}

const COLUMNS = `bank_trade_no, merchant_id, out_trade_no, amount_fen::text AS amount_fen, subject, notify_url, return_url, status, expires_at, paid_at`;

function toTrade(r: Row): BankTrade {
  return {
    bankTradeNo: r.bank_trade_no,
    merchantId: r.merchant_id,
    outTradeNo: r.out_trade_no,
    amountFen: BigInt(r.amount_fen),
    subject: r.subject,
    notifyUrl: r.notify_url,
    returnUrl: r.return_url,
    status: r.status,
    expiresAt: r.expires_at,
    paidAt: r.paid_at,
  };
}

/** An unpaid trade past its limit reads as CLOSED: the bank no longer takes money for it. */
export function effectiveStatus(trade: BankTrade, now: Date): BankTrade['status'] {
  return trade.status === 'PENDING' && now >= trade.expiresAt ? 'CLOSED' : trade.status;
}

export interface NewTrade {
  merchantId: string;
  outTradeNo: string;
  amountFen: bigint;
  subject: string;
  notifyUrl: string;
  returnUrl: string;
  expiresAt: Date;
}

/** A request's nonce as the protocol hands it over, kept until the request would be stale anyway. */
export type BankNonce = VerifiedSandboxMessage['replay'];

/**
 * Idempotent by (merchant, out_trade_no); the same number with another amount is a conflict.
 * The request's nonce is claimed in the same statement: a replayed request opens nothing.
 */
export async function openTrade(t: NewTrade, nonce: BankNonce): Promise<BankTrade | 'conflict' | 'replayed'> {
  // Claim, insert or find in one round trip: the bank's busiest call.
  const { rows } = await pool().query<Row & { fresh: boolean }>({
    name: 'sandbox-trade-open',
    text: `WITH claimed AS (
       INSERT INTO sandbox_bank_nonce (key, keep_until) VALUES ($9, $10) ON CONFLICT DO NOTHING RETURNING 1),
     added AS (
       INSERT INTO sandbox_bank_trade (bank_trade_no, merchant_id, out_trade_no, amount_fen, subject, notify_url, return_url, status, expires_at)
       SELECT $1, $2, $3, $4::bigint, $5, $6, $7, 'PENDING', $8::timestamptz FROM claimed
       ON CONFLICT (merchant_id, out_trade_no) DO NOTHING RETURNING ${COLUMNS}),
     found AS (
       SELECT * FROM added
       UNION ALL SELECT ${COLUMNS} FROM sandbox_bank_trade WHERE merchant_id = $2 AND out_trade_no = $3 AND NOT EXISTS (SELECT 1 FROM added))
     SELECT EXISTS (SELECT 1 FROM claimed) AS fresh, found.* FROM (VALUES (1)) one LEFT JOIN found ON true`,
    values: [
      `SB${randomBytes(12).toString('hex').toUpperCase()}`,
      t.merchantId,
      t.outTradeNo,
      t.amountFen.toString(),
      t.subject,
      t.notifyUrl,
      t.returnUrl,
      t.expiresAt,
      nonce.key,
      nonce.keepUntil,
    ],
  });
  const row = rows[0]!;
  if (!row.fresh) return 'replayed';
  // A concurrent insert of the same trade commits after this statement's snapshot: read again.
  const trade = row.bank_trade_no ? toTrade(row) : await findTrade(pool(), { merchantId: t.merchantId, outTradeNo: t.outTradeNo });
  if (!trade) throw new Error('sandbox bank trade vanished after insert');
  return trade.amountFen === t.amountFen ? trade : 'conflict';
}

export async function findTrade(
  db: pg.Pool | pg.PoolClient,
  key: { bankTradeNo: string } | { merchantId: string; outTradeNo: string },
  lock = false,
): Promise<BankTrade | null> {
  const [by, where, values] =
    'bankTradeNo' in key
      ? ['bank-no', 'bank_trade_no = $1', [key.bankTradeNo]]
      : ['out-trade-no', 'merchant_id = $1 AND out_trade_no = $2', [key.merchantId, key.outTradeNo]];
  const { rows } = await db.query<Row>({
    name: `sandbox-trade-by-${by}${lock ? '-locked' : ''}`,
    text: `SELECT ${COLUMNS} FROM sandbox_bank_trade WHERE ${where}${lock ? ' FOR UPDATE' : ''}`,
    values,
  });
  return rows[0] ? toTrade(rows[0]) : null;
}

/**
 * The payer's decision on the hosted page. The merchant learns it only from the signed notify
 * (queued here, in the same transaction) or from a query — never from the browser.
 */
export async function decideTrade(bankTradeNo: string, decision: 'pay' | 'cancel', now: Date): Promise<BankTrade> {
  await prepareQueue(SANDBOX_NOTIFY_JOB);
  // Decided only while open and within its limit: the update is the check. Sent with BEGIN.
  const decide = {
    name: 'sandbox-trade-decide',
    text: `UPDATE sandbox_bank_trade SET status = $2, paid_at = $3 WHERE bank_trade_no = $1 AND status = 'PENDING' AND expires_at > $4
       RETURNING ${COLUMNS}`,
    values: [bankTradeNo, decision === 'pay' ? 'SUCCESS' : 'FAILED', decision === 'pay' ? now : null, now],
  };
  return withOpeningBatch<[Row[]], BankTrade>([decide], async (client, [rows]) => {
    if (!rows[0]) {
      const trade = await findTrade(client, { bankTradeNo });
      if (!trade) throw new AppError('not_found', `bank trade ${bankTradeNo}`);
      throw new AppError('invalid_transition', `bank trade is ${effectiveStatus(trade, now)}`);
    }
    await enqueue(SANDBOX_NOTIFY_JOB, { bankTradeNo, attempt: 0 }, {}, client);
    return toTrade(rows[0]);
  });
}

/** The sandbox bank's request nonces: a replayed request is refused. */
export async function claimBankNonce({ key, keepUntil }: BankNonce): Promise<boolean> {
  const result = await pool().query({
    name: 'sandbox-nonce-claim',
    text: `INSERT INTO sandbox_bank_nonce (key, keep_until) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    values: [key, keepUntil],
  });
  return result.rowCount === 1;
}
