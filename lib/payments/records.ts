import type pg from 'pg';
import type { ChannelId, PaymentLaunch } from '@/lib/payments/channel';
import type { PaymentState } from './payment-status';

/** A payment row as the domain reads it (typed SQL on the shared pool: this is a hot path). */
export interface PaymentRecord {
  id: string;
  outTradeNo: string;
  seq: bigint;
  billId: string;
  residentId: string;
  channel: ChannelId;
  amountFen: bigint;
  status: PaymentState;
  idempotencyKey: string;
  quotedAt: Date;
  expiresAt: Date;
  channelTradeNo: string | null;
  launch: PaymentLaunch | null;
  paidAt: Date | null;
  flaggedReason: string | null;
  createdAt: Date;
}

export const PAYMENT_COLUMNS = `p.id, p.out_trade_no, p.seq::text AS seq, p.bill_id, p.resident_id, p.channel,
  p.amount_fen::text AS amount_fen, p.status, p.idempotency_key, p.quoted_at, p.expires_at, p.channel_trade_no,
  p.launch, p.paid_at, p.flagged_reason, p.created_at`;

export interface PaymentRow {
  id: string;
  out_trade_no: string;
  seq: string;
  bill_id: string;
  resident_id: string;
  channel: ChannelId;
  amount_fen: string;
  status: PaymentState;
  idempotency_key: string;
  quoted_at: Date;
  expires_at: Date;
  channel_trade_no: string | null;
  launch: PaymentLaunch | null;
  paid_at: Date | null;
  flagged_reason: string | null;
  created_at: Date;
}

export function toPayment(r: PaymentRow): PaymentRecord {
  return {
    id: r.id,
    outTradeNo: r.out_trade_no,
    seq: BigInt(r.seq),
    billId: r.bill_id,
    residentId: r.resident_id,
    channel: r.channel,
    amountFen: BigInt(r.amount_fen),
    status: r.status,
    idempotencyKey: r.idempotency_key,
    quotedAt: r.quoted_at,
    expiresAt: r.expires_at,
    channelTradeNo: r.channel_trade_no,
    launch: r.launch,
    paidAt: r.paid_at,
    flaggedReason: r.flagged_reason,
    createdAt: r.created_at,
  };
}

type Db = pg.Pool | pg.PoolClient;

export async function findPayment(db: Db, where: 'id' | 'out_trade_no', value: string, lock = false): Promise<PaymentRecord | null> {
  const { rows } = await db.query<PaymentRow>(
    `SELECT ${PAYMENT_COLUMNS} FROM payment p WHERE p.${where} = $1${lock ? ' FOR UPDATE' : ''}`,
    [value],
  );
  return rows[0] ? toPayment(rows[0]) : null;
}

export interface TransitionEvent {
  from: PaymentState | null;
  to: PaymentState;
  source: 'create' | 'notify' | 'query' | 'redirect' | 'job';
  at: Date;
  detail?: Record<string, string | number | boolean | null>;
}

export async function recordPaymentEvent(client: pg.PoolClient, paymentId: string, event: TransitionEvent): Promise<void> {
  await client.query(
    `INSERT INTO payment_event (payment_id, at, from_status, to_status, source, detail) VALUES ($1, $2, $3, $4, $5, $6)`,
    [paymentId, event.at, event.from, event.to, event.source, event.detail ? JSON.stringify(event.detail) : null],
  );
}
