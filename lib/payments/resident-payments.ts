import { pool } from '@/lib/db/client';
import type { ChannelId } from '@/lib/payments/channel';
import type { PaymentState } from './payment-status';
import { receiptNumber } from './trade-number';

/** A resident's own payment, with what a receipt or a history line shows. */
export interface ResidentPayment {
  id: string;
  outTradeNo: string;
  billId: string;
  season: number;
  billKind: 'SEASON' | 'OPENING';
  accountNo: string;
  address: string;
  holderName: string;
  utilityName: string;
  utilityNameEn: string;
  hotline: string;
  channel: ChannelId;
  amountFen: bigint;
  status: PaymentState;
  channelTradeNo: string | null;
  createdAt: Date;
  expiresAt: Date;
  paidAt: Date | null;
  receiptNo: string | null;
}

interface Row {
  id: string;
  out_trade_no: string;
  seq: string;
  bill_id: string;
  season: number;
  bill_kind: 'SEASON' | 'OPENING';
  account_no: string;
  address: string;
  holder_name: string;
  utility_name: string;
  utility_name_en: string;
  hotline: string;
  channel: ChannelId;
  amount_fen: string;
  status: PaymentState;
  channel_trade_no: string | null;
  created_at: Date;
  expires_at: Date;
  paid_at: Date | null;
}

const SELECT = `SELECT p.id, p.out_trade_no, p.seq::text AS seq, p.bill_id, b.season, b.kind AS bill_kind, a.account_no, a.address, a.holder_name,
    u.name AS utility_name, u.name_en AS utility_name_en, u.hotline, p.channel,
    -- A flagged payment staff resolved shows the money the channel confirmed, not what was asked.
    coalesce((SELECT r.confirmed_fen FROM payment_resolution r WHERE r.payment_id = p.id), p.amount_fen)::text AS amount_fen,
    p.status, p.channel_trade_no, p.created_at, p.expires_at, p.paid_at
  FROM payment p JOIN bill b ON b.id = p.bill_id JOIN heating_account a ON a.id = b.account_id JOIN utility u ON u.id = a.utility_id`;

const PAID: readonly PaymentState[] = ['succeeded', 'partially_refunded', 'refunded'];

function toView(r: Row): ResidentPayment {
  const paid = PAID.includes(r.status) && r.paid_at !== null;
  return {
    id: r.id,
    outTradeNo: r.out_trade_no,
    billId: r.bill_id,
    season: r.season,
    billKind: r.bill_kind,
    accountNo: r.account_no,
    address: r.address,
    holderName: r.holder_name,
    utilityName: r.utility_name,
    utilityNameEn: r.utility_name_en,
    hotline: r.hotline,
    channel: r.channel,
    amountFen: BigInt(r.amount_fen),
    status: r.status,
    channelTradeNo: r.channel_trade_no,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    paidAt: r.paid_at,
    receiptNo: paid && r.paid_at ? receiptNumber(r.paid_at, BigInt(r.seq)) : null,
  };
}

/** Only the resident who started it sees a payment; anyone else gets nothing. */
export async function getResidentPayment(residentId: string, paymentId: string): Promise<ResidentPayment | null> {
  const { rows } = await pool().query<Row>({ name: 'resident-payment', text: `${SELECT} WHERE p.id = $1 AND p.resident_id = $2`, values: [paymentId, residentId] });
  return rows[0] ? toView(rows[0]) : null;
}

// A named statement: parsed and planned once per connection (the JSON API's and the history page's hot path).
const PAYMENTS_FOR_SESSION = `
  WITH s AS (
    SELECT subject_id FROM auth_session WHERE id = $1 AND kind = 'RESIDENT' AND revoked_at IS NULL AND expires_at > $2
  )
  SELECT true AS session_ok, x.* FROM s LEFT JOIN LATERAL (
    ${SELECT} WHERE b.account_id IN (SELECT account_id FROM resident_account WHERE resident_id = s.subject_id)
    ORDER BY a.account_no, p.created_at DESC LIMIT 200
  ) x ON true`;

/**
 * The payment history (JSON API and page): every payment on the accounts bound to the session's
 * resident (a household shares its history), with the session check in the same indexed query (a
 * revoked or expired session finds nothing). Null when the session is not valid.
 */
export async function listPaymentsForSession(sid: string, now: Date): Promise<ResidentPayment[] | null> {
  const { rows } = await pool().query<Row & { session_ok: boolean }>({ name: 'payments-for-session', text: PAYMENTS_FOR_SESSION, values: [sid, now] });
  if (rows.length === 0) return null;
  return rows.filter((r) => r.id !== null).map(toView);
}

/** The open payment of a bill, if this resident started it (to resume instead of starting anew). */
export async function openPaymentOfBill(residentId: string, billId: string): Promise<{ id: string; channel: ChannelId } | null> {
  const { rows } = await pool().query<{ id: string; channel: ChannelId }>(
    `SELECT id, channel FROM payment WHERE bill_id = $1 AND resident_id = $2 AND status IN ('created', 'pending')`,
    [billId, residentId],
  );
  return rows[0] ?? null;
}

/** The payments JSON API's body: amounts in integer fen, times in ISO 8601. */
export function paymentsJson(payments: ResidentPayment[]) {
  return {
    payments: payments.map((p) => ({
      id: p.id,
      billId: p.billId,
      season: p.season,
      accountNo: p.accountNo,
      channel: p.channel,
      amountFen: Number(p.amountFen),
      status: p.status,
      createdAt: p.createdAt.toISOString(),
      paidAt: p.paidAt?.toISOString() ?? null,
      receiptNo: p.receiptNo,
    })),
  };
}
