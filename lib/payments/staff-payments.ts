import { pool } from '@/lib/db/client';
import type { ChannelId } from '@/lib/payments/channel';
import type { PaymentState } from './payment-status';

/**
 * Payments as customer service sees them, always within the staff member's own utility, live or
 * archived by the retention job (the `*_all` views).
 */
export interface StaffPaymentRow {
  id: string;
  outTradeNo: string;
  accountNo: string;
  holderName: string;
  channel: ChannelId;
  amountFen: bigint;
  status: PaymentState;
  flaggedReason: string | null;
  /** How staff resolved the flag (lib/payments/resolve-flagged.ts); null while it waits. */
  resolution: 'credited' | 'refunded' | null;
  createdAt: Date;
  paidAt: Date | null;
  /** Moved to the archive by the retention job (still shown, never changed). */
  archived: boolean;
}

interface Row {
  id: string;
  out_trade_no: string;
  account_no: string;
  holder_name: string;
  channel: ChannelId;
  amount_fen: string;
  status: PaymentState;
  flagged_reason: string | null;
  resolution: 'credited' | 'refunded' | null;
  created_at: Date;
  paid_at: Date | null;
  archived: boolean;
}

const SELECT = `SELECT p.id, p.out_trade_no, a.account_no, a.holder_name, p.channel, p.amount_fen::text AS amount_fen, p.status,
    p.flagged_reason, r.outcome AS resolution, p.created_at, p.paid_at, p.archived
  FROM payment_all p JOIN bill_all b ON b.id = p.bill_id JOIN heating_account a ON a.id = b.account_id
  LEFT JOIN payment_resolution r ON r.payment_id = p.id`;

const toRow = (r: Row): StaffPaymentRow => ({
  id: r.id,
  outTradeNo: r.out_trade_no,
  accountNo: r.account_no,
  holderName: r.holder_name,
  channel: r.channel,
  amountFen: BigInt(r.amount_fen),
  status: r.status,
  flaggedReason: r.flagged_reason,
  resolution: r.resolution,
  createdAt: r.created_at,
  paidAt: r.paid_at,
  archived: r.archived,
});

/**
 * `query` matches a 户号 or a trade number exactly (ours or the channel's): each through its own
 * index, live and archived, so a search stays a few index lookups at any number of payments.
 */
/** `flagged`: 'open' for flagged payments nobody resolved yet, 'all' for every flagged one. */
export async function searchPayments(utilityId: string, filter: { query?: string; status?: PaymentState; flagged?: 'open' | 'all' }): Promise<StaffPaymentRow[]> {
  const where = ['b.utility_id = $1'];
  const values: string[] = [utilityId];
  if (filter.query) {
    values.push(filter.query);
    const q = `$${values.length}`;
    where.push(`p.id IN (
      SELECT x.id FROM payment_all x WHERE x.out_trade_no = ${q}
      UNION SELECT x.id FROM payment_all x WHERE x.channel_trade_no = ${q}
      UNION SELECT x.id FROM heating_account xa JOIN bill_all xb ON xb.account_id = xa.id JOIN payment_all x ON x.bill_id = xb.id
             WHERE xa.utility_id = $1 AND xa.account_no = ${q})`);
  }
  if (filter.status) {
    values.push(filter.status);
    where.push(`p.status = $${values.length}::payment_status`);
  }
  if (filter.flagged) where.push(filter.flagged === 'open' ? 'p.flagged_reason IS NOT NULL AND r.payment_id IS NULL' : 'p.flagged_reason IS NOT NULL');
  const { rows } = await pool().query<Row>(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY p.created_at DESC LIMIT 100`, values);
  return rows.map(toRow);
}

export interface ChannelDay {
  channel: ChannelId;
  started: number;
  succeeded: number;
  succeededFen: bigint;
  failed: number;
  expired: number;
  open: number;
  /** Money confirmed by the channel but not matching the bill ledger (should stay 0). A flagged
   *  payment credited by staff is measured by what the channel confirmed, not what was asked. */
  ledgerMismatchFen: bigint;
}

export interface Reconciliation {
  day: string;
  channels: ChannelDay[];
  /** Flagged payments and any succeeded payment whose ledger entry is missing or differs. */
  exceptions: (StaffPaymentRow & { ledgerFen: bigint | null })[];
}

/**
 * One Shanghai calendar day per channel: what was started, what the channels confirmed and
 * what reached the bills. Every succeeded payment must have one ledger entry of its amount.
 */
export async function reconcileDay(utilityId: string, day: string): Promise<Reconciliation> {
  const range = [`${day}T00:00:00+08:00`, `${day}T24:00:00+08:00`];
  const { rows } = await pool().query<{
    channel: ChannelId;
    started: string;
    succeeded: string;
    succeeded_fen: string;
    failed: string;
    expired: string;
    open: string;
    mismatch_fen: string;
  }>(
    `SELECT p.channel, count(*)::text AS started,
        count(*) FILTER (WHERE p.status IN ('succeeded', 'partially_refunded', 'refunded'))::text AS succeeded,
        coalesce(sum(p.amount_fen) FILTER (WHERE p.status IN ('succeeded', 'partially_refunded', 'refunded')), 0)::text AS succeeded_fen,
        count(*) FILTER (WHERE p.status = 'failed')::text AS failed,
        count(*) FILTER (WHERE p.status = 'expired')::text AS expired,
        count(*) FILTER (WHERE p.status IN ('created', 'pending'))::text AS open,
        coalesce(sum(coalesce(r.confirmed_fen, p.amount_fen) - coalesce(l.amount_fen, 0)) FILTER (WHERE p.status IN ('succeeded', 'partially_refunded', 'refunded')), 0)::text AS mismatch_fen
     FROM payment_all p JOIN bill_all b ON b.id = p.bill_id
     LEFT JOIN bill_ledger_all l ON l.source_id = 'payment:' || p.id::text
     LEFT JOIN payment_resolution r ON r.payment_id = p.id
     WHERE b.utility_id = $1 AND p.created_at >= $2 AND p.created_at < $3
     GROUP BY p.channel ORDER BY p.channel`,
    [utilityId, ...range],
  );
  const exceptions = await pool().query<Row & { ledger_fen: string | null }>(
    `${SELECT.replace('SELECT ', 'SELECT l.amount_fen::text AS ledger_fen, ')} LEFT JOIN bill_ledger_all l ON l.source_id = 'payment:' || p.id::text
     WHERE b.utility_id = $1 AND p.created_at >= $2 AND p.created_at < $3
       AND (p.flagged_reason IS NOT NULL
            OR (p.status IN ('succeeded', 'partially_refunded', 'refunded') AND (l.amount_fen IS NULL OR l.amount_fen <> coalesce(r.confirmed_fen, p.amount_fen))))
     ORDER BY p.created_at`,
    [utilityId, ...range],
  );
  return {
    day,
    channels: rows.map((r) => ({
      channel: r.channel,
      started: Number(r.started),
      succeeded: Number(r.succeeded),
      succeededFen: BigInt(r.succeeded_fen),
      failed: Number(r.failed),
      expired: Number(r.expired),
      open: Number(r.open),
      ledgerMismatchFen: BigInt(r.mismatch_fen),
    })),
    exceptions: exceptions.rows.map((r) => ({ ...toRow(r), ledgerFen: r.ledger_fen === null ? null : BigInt(r.ledger_fen) })),
  };
}
