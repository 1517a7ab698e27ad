import { pool } from '@/lib/db/client';
import type { ChannelId } from './channel';
import type { PaymentState } from './payment-status';

/**
 * One payment as staff look into it (a flagged one to resolve): the payment, its events, how it
 * was resolved, and its bill with the bill's ledger. Only within the staff member's own utility;
 * live or archived.
 */
export interface StaffPaymentDetail {
  id: string;
  outTradeNo: string;
  channelTradeNo: string | null;
  channel: ChannelId;
  amountFen: bigint;
  status: PaymentState;
  flaggedReason: string | null;
  flaggedAt: Date | null;
  createdAt: Date;
  paidAt: Date | null;
  archived: boolean;
  /** What the channel reported, read from the flag (null when the flag does not say). */
  channelReportedFen: bigint | null;
  resolution: {
    outcome: 'credited' | 'refunded';
    askedFen: bigint;
    confirmedFen: bigint;
    staffName: string;
    note: string;
    at: Date;
    refundId: string | null;
    refundNumber: number | null;
  } | null;
  events: { at: Date; from: PaymentState | null; to: PaymentState; source: string }[];
  bill: {
    id: string;
    season: number;
    accountNo: string;
    holderName: string;
    status: string;
    principalFen: bigint;
    ledger: { at: Date; kind: string; amountFen: bigint }[];
  };
}

/** `amount_mismatch: asked 426442 fen, channel says 100 fen` (lib/payments/apply-channel-state.ts). */
export function reportedFen(reason: string | null): bigint | null {
  const match = reason?.match(/channel says (\d+) fen/);
  return match ? BigInt(match[1]!) : null;
}

interface Row {
  id: string;
  out_trade_no: string;
  channel_trade_no: string | null;
  channel: ChannelId;
  amount_fen: string;
  status: PaymentState;
  flagged_reason: string | null;
  flagged_at: Date | null;
  created_at: Date;
  paid_at: Date | null;
  archived: boolean;
  bill_id: string;
  season: number;
  account_no: string;
  holder_name: string;
  bill_status: string;
  principal_fen: string;
  outcome: 'credited' | 'refunded' | null;
  asked_fen: string | null;
  confirmed_fen: string | null;
  staff_name: string | null;
  note: string | null;
  resolved_at: Date | null;
  refund_id: string | null;
  refund_number: number | null;
}

export async function staffPaymentDetail(utilityId: string, paymentId: string): Promise<StaffPaymentDetail | null> {
  const { rows } = await pool().query<Row>(
    `SELECT p.id, p.out_trade_no, p.channel_trade_no, p.channel, p.amount_fen::text AS amount_fen, p.status, p.flagged_reason, p.flagged_at,
        p.created_at, p.paid_at, p.archived, b.id AS bill_id, b.season, a.account_no, a.holder_name, b.status AS bill_status,
        b.principal_fen::text AS principal_fen, r.outcome, r.asked_fen::text AS asked_fen, r.confirmed_fen::text AS confirmed_fen,
        s.name AS staff_name, r.note, r.at AS resolved_at, r.refund_id, q.number AS refund_number
     FROM payment_all p JOIN bill_all b ON b.id = p.bill_id JOIN heating_account a ON a.id = b.account_id
     LEFT JOIN payment_resolution r ON r.payment_id = p.id
     LEFT JOIN staff s ON s.id = r.staff_id
     LEFT JOIN refund_request q ON q.id = r.refund_id
     WHERE p.id = $1 AND b.utility_id = $2`,
    [paymentId, utilityId],
  );
  const r = rows[0];
  if (!r) return null;
  const [events, ledger] = await Promise.all([
    pool().query<{ at: Date; from_status: PaymentState | null; to_status: PaymentState; source: string }>(
      `SELECT at, from_status, to_status, source FROM payment_event_all WHERE payment_id = $1 ORDER BY at, id`,
      [paymentId],
    ),
    pool().query<{ at: Date; kind: string; amount_fen: string }>(
      `SELECT at, kind, amount_fen::text AS amount_fen FROM bill_ledger_all WHERE bill_id = $1 ORDER BY at, id`,
      [r.bill_id],
    ),
  ]);
  return {
    id: r.id,
    outTradeNo: r.out_trade_no,
    channelTradeNo: r.channel_trade_no,
    channel: r.channel,
    amountFen: BigInt(r.amount_fen),
    status: r.status,
    flaggedReason: r.flagged_reason,
    flaggedAt: r.flagged_at,
    createdAt: r.created_at,
    paidAt: r.paid_at,
    archived: r.archived,
    channelReportedFen: reportedFen(r.flagged_reason),
    resolution: r.outcome
      ? {
          outcome: r.outcome,
          askedFen: BigInt(r.asked_fen!),
          confirmedFen: BigInt(r.confirmed_fen!),
          staffName: r.staff_name ?? '',
          note: r.note ?? '',
          at: r.resolved_at!,
          refundId: r.refund_id,
          refundNumber: r.refund_number,
        }
      : null,
    events: events.rows.map((e) => ({ at: e.at, from: e.from_status, to: e.to_status, source: e.source })),
    bill: {
      id: r.bill_id,
      season: r.season,
      accountNo: r.account_no,
      holderName: r.holder_name,
      status: r.bill_status,
      principalFen: BigInt(r.principal_fen),
      ledger: ledger.rows.map((l) => ({ at: l.at, kind: l.kind, amountFen: BigInt(l.amount_fen) })),
    },
  };
}
