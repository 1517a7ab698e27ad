import type pg from 'pg';
import { recordAudit, type AuditEntry } from '@/lib/audit/record';
import { applyToBill } from '@/lib/bills/apply-to-bill';
import { lockAndReadBill, toLoadedBill, type BillRecord, type LoadedBill } from '@/lib/bills/load-bill';
import type { PipelineStatement } from '@/lib/db/pipeline';
import { commitWith, withOpeningBatch } from '@/lib/db/transaction';
import { ChannelError, type PaymentSnapshot } from '@/lib/payments/channel';
import { canTransitionPayment, type PaymentState } from './payment-status';
import { PAYMENT_COLUMNS, toPayment, type PaymentRecord, type PaymentRow, type TransitionEvent } from './records';

export interface ApplyOutcome {
  paymentId: string;
  status: PaymentState;
  /** The payment moved (false for a duplicate, a replay or a flagged message). */
  changed: boolean;
  /** Whether to acknowledge the channel (stop its retries). */
  accepted: boolean;
  flagged: boolean;
}

type Source = TransitionEvent['source'];

/**
 * Applies what a channel verifiably said about a trade (a notify or a query answer), in ONE
 * transaction: lock the payment row, compare with what we asked, move the state machine, and
 * credit the bill when it succeeded. Run twice with the same message, it changes nothing.
 */
export async function applyChannelState(snapshot: PaymentSnapshot, source: Source, now: Date): Promise<ApplyOutcome> {
  return withOpeningBatch<[PaymentRow[], unknown[], BillRecord[]], ApplyOutcome>(lockPaymentAndBill(snapshot.outTradeNo), async (client, [payments, , bills]) => {
    const payment = payments[0] ? toPayment(payments[0]) : null;
    const bill = bills[0] ? toLoadedBill(bills[0]) : null;
    if (!payment || payment.channel !== snapshot.channel) {
      throw new ChannelError('not_found', 'No such trade of ours on this channel', { outTradeNo: snapshot.outTradeNo });
    }
    const target = targetState(payment, snapshot, now);
    if (target === null || target === payment.status) return outcome(payment, payment.status, false, true);

    if (target === 'succeeded' && snapshot.amountFen !== payment.amountFen) {
      // Signed by the channel, but not what we asked: staff must look; the bill is not touched.
      const reason = `amount_mismatch: asked ${payment.amountFen} fen, channel says ${snapshot.amountFen === null ? 'no amount' : `${snapshot.amountFen} fen`}`;
      await flag(client, payment, reason, source, now);
      return outcome(payment, payment.status, false, false, true);
    }
    if (payment.flaggedReason !== null && target === 'succeeded') {
      return outcome(payment, payment.status, false, false, true);
    }
    if (!canTransitionPayment(payment.status, target) && !(payment.status === 'created' && target === 'succeeded')) {
      // e.g. a success reported for a payment we had failed: money may have been taken for a
      // trade we gave up on. Acknowledge (retries will not help) and leave it to staff.
      if (target === 'succeeded') await flag(client, payment, `succeeded_after_${payment.status}`, source, now);
      return outcome(payment, payment.status, false, true, target === 'succeeded');
    }
    if (payment.status === 'created') {
      await transition(client, payment, { from: 'created', to: 'pending', source, at: now });
      if (target === 'pending') return outcome(payment, 'pending', true, true);
    }
    const from: PaymentState = payment.status === 'created' ? 'pending' : payment.status;
    const audit = target === 'succeeded' ? await credit(client, payment, bill, snapshot, source) : null;
    // The last write goes with COMMIT.
    const moved = transitionStatement(payment, { from, to: target, source, at: now, detail: { rawStatus: snapshot.rawStatus } }, snapshot, audit);
    return commitWith([moved], () => outcome(payment, target, true, true));
  });
}

/**
 * The opening of the transaction, in BEGIN's round trip: the payment row locked, then its bill
 * locked and read (payment before bill, the order every path takes). The bill is read by a
 * statement after both locks, so it sees every payment committed before them.
 */
function lockPaymentAndBill(outTradeNo: string): PipelineStatement[] {
  return [
    { name: 'payment-lock-by-trade', text: `SELECT ${PAYMENT_COLUMNS} FROM payment p WHERE p.out_trade_no = $1 FOR UPDATE`, values: [outTradeNo] },
    ...lockAndReadBill('out_trade_no', outTradeNo),
  ];
}

function targetState(payment: PaymentRecord, snapshot: PaymentSnapshot, now: Date): PaymentState | null {
  switch (snapshot.status) {
    case 'succeeded':
      return 'succeeded';
    case 'failed':
      return 'failed';
    // A closed trade was never paid: past our time limit that is expiry, before it a cancel.
    case 'closed':
      return now >= payment.expiresAt ? 'expired' : 'failed';
    case 'pending':
      return payment.status === 'created' ? 'pending' : null;
    // Refunds are applied by the refund flow, which knows how much; a payment notice saying
    // "refunded" only confirms the trade was paid once.
    case 'refunded':
      return null;
  }
}

async function transition(client: pg.PoolClient, payment: PaymentRecord, event: TransitionEvent): Promise<void> {
  await client.query(transitionStatement(payment, event));
}

/** The row is locked by this transaction; the update, its event and the audit line of a credit go in one statement. */
function transitionStatement(payment: PaymentRecord, event: TransitionEvent, snapshot?: PaymentSnapshot, audit?: AuditEntry | null): PipelineStatement {
  return {
    name: 'payment-transition',
    text: `WITH moved AS (
       UPDATE payment SET status = $2::payment_status, updated_at = $3::timestamptz,
         paid_at = CASE WHEN $2::payment_status = 'succeeded' THEN coalesce($4::timestamptz, $3::timestamptz) ELSE paid_at END,
         channel_trade_no = coalesce(channel_trade_no, $5::text),
         next_query_at = CASE WHEN $2::payment_status IN ('created', 'pending') THEN next_query_at END
       WHERE id = $1 RETURNING id),
     event AS (
       INSERT INTO payment_event (payment_id, at, from_status, to_status, source, detail)
       SELECT id, $3::timestamptz, $6::payment_status, $2::payment_status, $7, $8::jsonb FROM moved)
     INSERT INTO audit_log (at, actor_kind, action, entity, entity_id, detail)
     SELECT $3::timestamptz, 'SYSTEM', $9, 'payment', id, $10::jsonb FROM moved WHERE $9::text IS NOT NULL`,
    values: [
      payment.id,
      event.to,
      event.at,
      snapshot?.paidAt ?? null,
      snapshot?.channelTradeNo ?? null,
      event.from,
      event.source,
      event.detail ? JSON.stringify(event.detail) : null,
      audit?.action ?? null,
      audit?.detail ? JSON.stringify(audit.detail) : null,
    ],
  };
}

/** Credits the bill (locked with the payment); returns the audit line the transition writes. */
async function credit(
  client: pg.PoolClient,
  payment: PaymentRecord,
  bill: LoadedBill | null,
  snapshot: PaymentSnapshot,
  source: Source,
): Promise<AuditEntry> {
  // The resident was asked for the settlement at quotedAt and the channel took the money before
  // expiresAt, so the bill is credited as of the quote: the late fee stops where it was quoted.
  const { applied, quote } = await applyToBill(
    client,
    payment.billId,
    { amountFen: payment.amountFen, at: payment.quotedAt, kind: 'payment', sourceId: `payment:${payment.id}` },
    bill ?? undefined,
  );
  return {
    actorKind: 'SYSTEM',
    action: 'payment.credited',
    entity: 'payment',
    entityId: payment.id,
    detail: {
      billId: payment.billId,
      amountFen: payment.amountFen.toString(),
      channel: payment.channel,
      channelTradeNo: snapshot.channelTradeNo,
      source,
      applied,
      dueAfterFen: quote.dueFen.toString(),
    },
  };
}

async function flag(client: pg.PoolClient, payment: PaymentRecord, reason: string, source: Source, now: Date): Promise<void> {
  await client.query(
    `UPDATE payment SET flagged_reason = coalesce(flagged_reason, $2), flagged_at = coalesce(flagged_at, $3), updated_at = $3 WHERE id = $1`,
    [payment.id, reason, now],
  );
  await recordAudit(
    { actorKind: 'SYSTEM', action: 'payment.flagged', entity: 'payment', entityId: payment.id, detail: { reason, source } },
    now,
    client,
  );
}

function outcome(payment: PaymentRecord, status: PaymentState, changed: boolean, accepted: boolean, flagged = false): ApplyOutcome {
  return { paymentId: payment.id, status, changed, accepted, flagged: flagged || payment.flaggedReason !== null };
}
