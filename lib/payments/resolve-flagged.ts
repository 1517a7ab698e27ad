import type pg from 'pg';
import { recordAudit } from '@/lib/audit/record';
import { refundableOverpayment } from '@/lib/billing';
import { applyToBill } from '@/lib/bills/apply-to-bill';
import { loadBillForUpdate } from '@/lib/bills/load-bill';
import { shanghaiDay } from '@/lib/complaints/shanghai';
import { pool } from '@/lib/db/client';
import { withTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors/app-error';
import { formatMoney } from '@/lib/format/money';
import { enqueueRefundNotice } from '@/lib/refunds/notices';
import { enqueuePayRefund, prepareRefundQueues } from '@/lib/refunds/pay-job';
import { recordRefundStep } from '@/lib/refunds/records';
import { refundPolicy } from '@/lib/refunds/submit-refund';
import { addWorkingDays } from '@/lib/refunds/working-days';
import type { Channels } from './app-channels';
import { isChannelError, type PaymentSnapshot } from './channel';
import { enqueuePaymentNotice, preparePaymentNotices } from './notices';
import { isOpenPayment } from './payment-status';
import { PAYMENT_COLUMNS, toPayment, type PaymentRecord, type PaymentRow } from './records';

/**
 * Staff resolve a flagged payment: money a channel says it took that no bill was credited with
 * (lib/payments/apply-channel-state.ts). Each resolution first asks the channel again, then, in
 * one transaction with the payment row locked, either
 *   - credits the bill with what the channel confirms (核实后入账), or
 *   - starts a refund of it back through the same channel (原路退回).
 *
 * The resolution's state machine: flagged (no payment_resolution row) → credited | refunded, both
 * final. The row's primary key is the payment, so two staff resolving at once make exactly one.
 */
export const RESOLUTION_OUTCOMES = ['credited', 'refunded'] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];

export const RESOLUTION_TRANSITIONS: Readonly<Record<'flagged' | ResolutionOutcome, readonly ResolutionOutcome[]>> = {
  flagged: ['credited', 'refunded'],
  credited: [],
  refunded: [],
};

/** Who may move money on a flagged payment: the roles that may approve refunds on their own. */
export const RESOLVER_ROLES = ['SUPERVISOR', 'ADMIN'] as const;
export const RESOLUTION_NOTE_MAX = 500;

export interface Resolver {
  staffId: string;
  utilityId: string;
  role: 'AGENT' | 'SUPERVISOR' | 'ADMIN';
  name: string;
  ip?: string;
}

export interface ResolveInput {
  paymentId: string;
  actor: Resolver;
  note: string;
}

/** Refuses what no resolution may start from: a wrong role, an empty note, a payment not flagged. */
function checkRequest(input: ResolveInput): string {
  if (!(RESOLVER_ROLES as readonly string[]).includes(input.actor.role)) throw new AppError('forbidden', 'supervisor_required');
  const note = input.note.trim();
  if (note.length === 0 || note.length > RESOLUTION_NOTE_MAX) throw new AppError('invalid_input', 'note');
  return note;
}

/** The payment, if it is in the staff member's utility (else not_found), optionally locked. */
async function findInUtility(db: pg.PoolClient | null, paymentId: string, utilityId: string, lock: boolean): Promise<PaymentRecord & { resolved: boolean; credited: boolean; accountId: string }> {
  const sql = `SELECT ${PAYMENT_COLUMNS}, b.account_id,
      EXISTS (SELECT 1 FROM payment_resolution r WHERE r.payment_id = p.id) AS resolved,
      EXISTS (SELECT 1 FROM bill_ledger l WHERE l.source_id = 'payment:' || p.id::text) AS credited
    FROM payment p JOIN bill b ON b.id = p.bill_id
    WHERE p.id = $1 AND b.utility_id = $2${lock ? ' FOR UPDATE OF p' : ''}`;
  const { rows } = await (db ?? pool()).query<PaymentRow & { account_id: string; resolved: boolean; credited: boolean }>(sql, [paymentId, utilityId]);
  const row = rows[0];
  if (!row) throw new AppError('not_found', 'payment');
  return { ...toPayment(row), accountId: row.account_id, resolved: row.resolved, credited: row.credited };
}

/** Still flagged, unresolved and never credited; anything else is an explicit refusal. */
function assertResolvable(payment: { flaggedReason: string | null; resolved: boolean; credited: boolean; status: string }): void {
  if (payment.flaggedReason === null) throw new AppError('invalid_transition', 'not_flagged');
  if (payment.resolved) throw new AppError('conflict', 'already_resolved');
  if (payment.credited || payment.status === 'succeeded' || payment.status === 'partially_refunded' || payment.status === 'refunded') {
    throw new AppError('conflict', 'already_credited');
  }
}

/** Asks the channel again: only money it confirms as taken is credited or paid back. */
async function confirmAtChannel(channels: Channels, payment: PaymentRecord, now: Date): Promise<PaymentSnapshot & { amountFen: bigint }> {
  const channel = channels.get(payment.channel);
  if (!channel) throw new AppError('unavailable', 'channel_unavailable');
  let snapshot: PaymentSnapshot;
  try {
    snapshot = await channel.queryPayment({ outTradeNo: payment.outTradeNo, now });
  } catch (error) {
    if (isChannelError(error, 'not_found')) throw new AppError('conflict', 'channel_not_paid');
    if (isChannelError(error)) throw new AppError('unavailable', `channel_${error.code}`);
    throw error;
  }
  // 'refunded' at the channel means the trade was paid and some of it already went back: a person
  // must look at the channel's own records, not this button.
  if (snapshot.status !== 'succeeded' || snapshot.amountFen === null || snapshot.amountFen <= 0n) {
    throw new AppError('conflict', 'channel_not_paid');
  }
  return { ...snapshot, amountFen: snapshot.amountFen };
}

/**
 * What both resolutions check before their transaction: who asks and their note, that the payment
 * is this utility's and still unresolved, and what the channel now confirms it took.
 */
async function checkAtChannel(channels: Channels, input: ResolveInput, now: Date): Promise<{ note: string; snapshot: PaymentSnapshot & { amountFen: bigint } }> {
  const note = checkRequest(input);
  const payment = await findInUtility(null, input.paymentId, input.actor.utilityId, false);
  assertResolvable(payment);
  return { note, snapshot: await confirmAtChannel(channels, payment, now) };
}

async function insertResolution(
  client: pg.PoolClient,
  payment: PaymentRecord,
  outcome: ResolutionOutcome,
  confirmedFen: bigint,
  input: ResolveInput,
  note: string,
  now: Date,
  refundId: string | null = null,
): Promise<void> {
  const { rowCount } = await client.query(
    `INSERT INTO payment_resolution (payment_id, outcome, asked_fen, confirmed_fen, refund_id, staff_id, note, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (payment_id) DO NOTHING`,
    [payment.id, outcome, payment.amountFen.toString(), confirmedFen.toString(), refundId, input.actor.staffId, note, now],
  );
  if (!rowCount) throw new AppError('conflict', 'already_resolved');
}

/**
 * 核实后入账: credits the bill with the amount the channel confirms, as of when the channel says it
 * was paid. The billing core settles late fee before principal; money beyond what the bill owes
 * stays on it as overpayment, refundable by the resident's own OVERPAYMENT request (rule 8).
 */
export async function creditFlaggedPayment(channels: Channels, input: ResolveInput, now: Date): Promise<{ amountFen: bigint; overpaidFen: bigint }> {
  const { note, snapshot } = await checkAtChannel(channels, input, now);
  await preparePaymentNotices();
  return withTransaction(async (client) => {
    const locked = await findInUtility(client, input.paymentId, input.actor.utilityId, true);
    assertResolvable(locked);
    await insertResolution(client, locked, 'credited', snapshot.amountFen, input, note, now);
    // Credited as of when the channel says it was paid (the late fee stops there), but never
    // before money the bill already holds: the core quotes at the entry's instant, and must see
    // every payment to know whether the bill is settled.
    const bill = await loadBillForUpdate(client, locked.billId);
    if (!bill) throw new AppError('not_found', 'bill');
    const paidAt = snapshot.paidAt && snapshot.paidAt.getTime() <= now.getTime() ? snapshot.paidAt : now;
    const latest = bill.payments.reduce((ms, x) => Math.max(ms, x.at.getTime()), paidAt.getTime());
    const at = new Date(latest);
    const { applied, quote } = await applyToBill(client, locked.billId, { amountFen: snapshot.amountFen, at, kind: 'payment', sourceId: `payment:${locked.id}` }, bill);
    // The ledger's unique source is the last guard of "credited at most once".
    if (!applied) throw new AppError('conflict', 'already_credited');
    const overpaidFen = refundableOverpayment(quote);
    // What the payment asked never changes; payment_resolution.confirmed_fen is what it carries
    // from now on (reconciliation, and the bound on later refunds of it, read that).
    await client.query(
      `UPDATE payment SET status = 'succeeded', paid_at = coalesce(paid_at, $2), channel_trade_no = coalesce(channel_trade_no, $3),
         next_query_at = NULL, updated_at = $4 WHERE id = $1`,
      [locked.id, at, snapshot.channelTradeNo, now],
    );
    await client.query(
      `INSERT INTO payment_event (payment_id, at, from_status, to_status, source, detail) VALUES ($1, $2, $3, 'succeeded', 'staff', $4)`,
      [locked.id, now, locked.status, JSON.stringify({ resolution: 'credited', askedFen: locked.amountFen.toString(), confirmedFen: snapshot.amountFen.toString(), rawStatus: snapshot.rawStatus })],
    );
    await recordAudit(
      {
        actorKind: 'STAFF',
        actorId: input.actor.staffId,
        utilityId: input.actor.utilityId,
        action: 'payment.flag_credited',
        entity: 'payment',
        entityId: locked.id,
        ip: input.actor.ip ?? null,
        detail: {
          note,
          billId: locked.billId,
          flaggedReason: locked.flaggedReason,
          askedFen: locked.amountFen.toString(),
          confirmedFen: snapshot.amountFen.toString(),
          dueAfterFen: quote.dueFen.toString(),
          overpaidFen: overpaidFen.toString(),
        },
      },
      now,
      client,
    );
    await enqueuePaymentNotice(client, { paymentId: locked.id, template: 'payment_flagged_credited', params: { amount: formatMoney(snapshot.amountFen) } });
    return { amountFen: snapshot.amountFen, overpaidFen };
  });
}

/**
 * 原路退回: starts a refund of the amount the channel confirms back through that same payment,
 * by the refunds machinery (lib/refunds/pay-refund.ts: one out_refund_no per payout, so a retry
 * never pays twice). The request starts approved (this supervisor's decision is the approval),
 * takes its payouts from this payment alone and nothing off the bill, which never had the money.
 */
export async function refundFlaggedPayment(channels: Channels, input: ResolveInput, now: Date): Promise<{ refundId: string; number: number; amountFen: bigint }> {
  const { note, snapshot } = await checkAtChannel(channels, input, now);
  await prepareRefundQueues();
  return withTransaction(async (client) => {
    const locked = await findInUtility(client, input.paymentId, input.actor.utilityId, true);
    assertResolvable(locked);
    const expectedBy = addWorkingDays(shanghaiDay(now), refundPolicy().promiseWorkingDays);
    const lines = [
      { code: 'FLAGGED_PAYMENT', params: { outTradeNo: locked.outTradeNo }, amountFen: snapshot.amountFen.toString() },
      { code: 'RESULT', params: {}, amountFen: snapshot.amountFen.toString() },
    ];
    const { rows } = await client.query<{ id: string; number: number; utility_id: string }>(
      `INSERT INTO refund_request (utility_id, account_id, bill_id, resident_id, idempotency_key, reason, amount_fen, lines, note, state,
         needs_supervisor, first_approved_by, first_approved_at, expected_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'FLAGGED_PAYMENT', $6, $7, $8, 'approved', false, $9, $10, $11, $10, $10)
       ON CONFLICT (resident_id, idempotency_key) DO NOTHING
       RETURNING id, number, utility_id`,
      [input.actor.utilityId, locked.accountId, locked.billId, locked.residentId, `flagged:${locked.id}`, snapshot.amountFen.toString(), JSON.stringify(lines), note, input.actor.staffId, now, expectedBy],
    );
    const refund = rows[0];
    if (!refund) throw new AppError('conflict', 'already_resolved');
    await insertResolution(client, locked, 'refunded', snapshot.amountFen, input, note, now, refund.id);
    // The payout is bounded by (and the channel told the trade's total as) the confirmed amount
    // in payment_resolution. An open payment is closed so nobody waits on it any more.
    const to = isOpenPayment(locked.status) ? 'failed' : locked.status;
    await client.query(
      `UPDATE payment SET status = $2::payment_status, channel_trade_no = coalesce(channel_trade_no, $3), next_query_at = NULL, updated_at = $4 WHERE id = $1`,
      [locked.id, to, snapshot.channelTradeNo, now],
    );
    await client.query(
      `INSERT INTO payment_event (payment_id, at, from_status, to_status, source, detail) VALUES ($1, $2, $3, $4, 'staff', $5)`,
      [locked.id, now, locked.status, to, JSON.stringify({ resolution: 'refunded', refundId: refund.id, askedFen: locked.amountFen.toString(), confirmedFen: snapshot.amountFen.toString() })],
    );
    const actor = { kind: 'STAFF' as const, ...input.actor };
    await recordRefundStep(
      client,
      { id: refund.id, utilityId: refund.utility_id },
      actor,
      { from: null, to: 'approved', kind: 'flagged_payback', message: note, detail: { paymentId: locked.id, amountFen: snapshot.amountFen.toString() } },
      now,
    );
    await recordAudit(
      {
        actorKind: 'STAFF',
        actorId: input.actor.staffId,
        utilityId: input.actor.utilityId,
        action: 'payment.flag_refunded',
        entity: 'payment',
        entityId: locked.id,
        ip: input.actor.ip ?? null,
        detail: { note, refundId: refund.id, flaggedReason: locked.flaggedReason, askedFen: locked.amountFen.toString(), confirmedFen: snapshot.amountFen.toString() },
      },
      now,
      client,
    );
    await enqueuePayRefund(client, refund.id);
    await enqueueRefundNotice(client, { refundId: refund.id, template: 'payment_flagged_refunding', params: { amount: formatMoney(snapshot.amountFen) } });
    return { refundId: refund.id, number: refund.number, amountFen: snapshot.amountFen };
  });
}
