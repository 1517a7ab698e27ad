import { settlementFen } from '@/lib/billing';
import { BILL_COLUMNS, lockAndReadBill, toLoadedBill, type BillRecord } from '@/lib/bills/load-bill';
import { isUuid } from '@/lib/db/pipeline';
import { pool } from '@/lib/db/client';
import { commitWith, withOpeningBatch, withTransaction, type Closing } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors/app-error';
import type { ChannelId, PaymentLaunch } from '@/lib/payments/channel';
import type { Channels } from './app-channels';
import { channelToAppError } from './channel-errors';
import { nextQueryAt } from './query-schedule';
import { PAYMENT_COLUMNS, findPayment, recordPaymentEvent, toPayment, type PaymentRecord, type PaymentRow } from './records';
import { newOutTradeNo } from './trade-number';
import { isOpenPayment } from './payment-status';

export interface CreatePaymentRequest {
  residentId: string;
  billId: string;
  channel: ChannelId;
  /** From the page: the same key twice (double tap, reload) returns the same payment. */
  idempotencyKey: string;
  payerOpenId?: string | null;
  clientIp?: string;
  /** Where the resident comes back to after the channel's page. */
  origin: string;
  limitMinutes: number;
  now: Date;
}

export interface StartedPayment {
  payment: PaymentRecord;
  /** null when the payment is no longer open: the caller shows its result instead. */
  launch: PaymentLaunch | null;
}

/**
 * Starts paying one bill: the amount is the billing core's settlement at this instant, and at
 * most one payment per bill is open. A resident asking again while one is open (another tab,
 * a retry) gets that same payment back; someone else, or another channel, is told to wait.
 */
export async function createPayment(channels: Channels, req: CreatePaymentRequest): Promise<StartedPayment> {
  const channel = channels.get(req.channel);
  if (!channel) throw new AppError('invalid_input', `channel ${req.channel} is not offered`);
  if (req.channel === 'wechatpay' && !req.payerOpenId) throw new AppError('invalid_input', 'wechat_openid_missing');

  const opened = await openPayment(req);
  if ('existing' in opened) return started(opened.existing);
  const { payment, description } = opened;

  try {
    const created = await channel.createPayment({
      outTradeNo: payment.outTradeNo,
      amountFen: payment.amountFen,
      description,
      expiresAt: payment.expiresAt,
      now: req.now,
      ...(req.payerOpenId ? { payerOpenId: req.payerOpenId } : {}),
      returnUrl: `${req.origin}/pay/result/${payment.id}`,
      quitUrl: `${req.origin}/pay/result/${payment.id}`,
      ...(req.clientIp ? { clientIp: req.clientIp } : {}),
    });
    const pending = await markPending(payment.id, created.channelTradeNo, created.launch, req.now);
    return started(pending);
  } catch (error) {
    // The channel refused or could not be reached: no one can pay this trade, so the bill is
    // freed for a retry. Should the channel still report it paid later, it is flagged.
    await markFailed(payment.id, error, req.now);
    throw channelToAppError(error);
  }
}

function started(payment: PaymentRecord): StartedPayment {
  return { payment, launch: isOpenPayment(payment.status) ? payment.launch : null };
}

type Opened = { existing: PaymentRecord } | { payment: PaymentRecord; description: string };

async function openPayment(req: CreatePaymentRequest): Promise<Opened> {
  try {
    if (!isUuid(req.billId) || !isUuid(req.residentId)) throw new AppError('not_found', `bill ${req.billId}`);
    return await withOpeningBatch<[unknown[], PlaceRow[], PaymentRow[]], Opened>(
      [
        lockAndReadBill('id', req.billId)[0]!,
        {
          name: 'payment-open-place',
          text: `SELECT ${BILL_COLUMNS}, a.account_no,
                  EXISTS (SELECT 1 FROM resident_account ra WHERE ra.resident_id = $2 AND ra.account_id = b.account_id) AS owned
             FROM bill b JOIN tariff t ON t.id = b.tariff_id JOIN heating_account a ON a.id = b.account_id WHERE b.id = $1`,
          values: [req.billId, req.residentId],
        },
        {
          name: 'payment-open-current',
          text: `SELECT ${PAYMENT_COLUMNS} FROM payment p
                  WHERE (p.resident_id = $2 AND p.idempotency_key = $3) OR (p.bill_id = $1 AND p.status IN ('created', 'pending'))`,
          values: [req.billId, req.residentId, req.idempotencyKey],
        },
      ],
      async (_client, [, places, payments]) => insertPayment(req, places[0], payments.map(toPayment)),
    );
  } catch (error) {
    // Two requests with one idempotency key raced: the loser returns the winner's payment.
    if (isUniqueViolation(error, 'payment_resident_id_idempotency_key_key')) {
      const again = await findByKey(req.residentId, req.idempotencyKey);
      if (again) return { existing: again };
    }
    throw error;
  }
}

interface PlaceRow extends BillRecord {
  account_no: string;
  owned: boolean;
}

/**
 * Two round trips: BEGIN with the bill locked and read, who owns it and the payments that
 * matter (this key's, the bill's open one); the payment and its event with COMMIT. The bill row
 * lock serialises every payment start on this bill.
 */
function insertPayment(req: CreatePaymentRequest, place: PlaceRow | undefined, all: PaymentRecord[]): Opened | Closing<Opened> {
  const replay = all.find((p) => p.residentId === req.residentId && p.idempotencyKey === req.idempotencyKey);
  if (replay) {
    if (replay.billId !== req.billId) throw new AppError('conflict', 'idempotency key reused for another bill');
    return { existing: replay };
  }
  if (!place || !place.owned || place.status === 'DRAFT') throw new AppError('not_found', `bill ${req.billId}`);
  const loaded = toLoadedBill(place);
  if (loaded.status !== 'ISSUED') throw new AppError('invalid_transition', 'bill_not_payable');
  const current = all.find((p) => p.billId === req.billId && isOpenPayment(p.status));
  if (current) {
    if (current.residentId === req.residentId && current.channel === req.channel) return { existing: current };
    throw new AppError('conflict', `open_payment ${current.id}`);
  }
  const amountFen = settlementFen(loaded.tariff, loaded.property, loaded.payments, req.now);
  if (amountFen <= 0n) throw new AppError('invalid_transition', 'bill_not_payable');
  const expiresAt = new Date(req.now.getTime() + req.limitMinutes * 60_000);
  // Without a notify, the channel is asked on a schedule (query-job.ts sweeps next_query_at).
  const what = loaded.kind === 'OPENING' ? '原系统结转欠费' : `${loaded.season}–${loaded.season + 1} 采暖费`;
  const description = `暖心供暖 ${what} 户号${place.account_no}`;
  const insert = {
    name: 'payment-create',
    text: `WITH created AS (
       INSERT INTO payment AS p (out_trade_no, bill_id, resident_id, channel, amount_fen, status, idempotency_key, quoted_at, expires_at,
                                 next_query_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'created', $6, $7, $8, $9, $7, $7)
       RETURNING ${PAYMENT_COLUMNS}),
     event AS (
       INSERT INTO payment_event (payment_id, at, from_status, to_status, source, detail)
       SELECT id, $7, NULL, 'created', 'create', $10::jsonb FROM created)
     SELECT * FROM created`,
    values: [
      newOutTradeNo(req.now),
      req.billId,
      req.residentId,
      req.channel,
      amountFen.toString(),
      req.idempotencyKey,
      req.now,
      expiresAt,
      nextQueryAt(req.now, 0),
      JSON.stringify({ amountFen: amountFen.toString(), channel: req.channel }),
    ],
  };
  return commitWith([insert], ([rows]) => ({ payment: toPayment((rows as PaymentRow[])[0]!), description }));
}

async function findByKey(residentId: string, key: string): Promise<PaymentRecord | null> {
  const { rows } = await pool().query<PaymentRow>(
    `SELECT ${PAYMENT_COLUMNS} FROM payment p WHERE p.resident_id = $1 AND p.idempotency_key = $2`,
    [residentId, key],
  );
  return rows[0] ? toPayment(rows[0]) : null;
}

async function markPending(id: string, channelTradeNo: string | null, launch: PaymentLaunch, now: Date): Promise<PaymentRecord> {
  // One statement (update + its event) instead of a locking transaction: this is the hot path,
  // and a notify or query that moved the payment on first simply makes it match no row.
  const { rows } = await pool().query<PaymentRow>({
    name: 'payment-mark-pending',
    text: `WITH moved AS (
       UPDATE payment p SET status = 'pending', channel_trade_no = $2, launch = $3, updated_at = $4
        WHERE id = $1 AND status = 'created' RETURNING ${PAYMENT_COLUMNS}),
     event AS (
       INSERT INTO payment_event (payment_id, at, from_status, to_status, source)
       SELECT id, $4, 'created', 'pending', 'create' FROM moved)
     SELECT * FROM moved`,
    values: [id, channelTradeNo, JSON.stringify(launch), now],
  });
  if (rows[0]) return toPayment(rows[0]);
  const current = await findPayment(pool(), 'id', id);
  if (!current) throw new AppError('not_found', `payment ${id}`);
  return current;
}

async function markFailed(id: string, error: unknown, now: Date): Promise<void> {
  await withTransaction(async (client) => {
    const payment = await findPayment(client, 'id', id, true);
    if (payment?.status !== 'created') return;
    await client.query(`UPDATE payment SET status = 'failed', next_query_at = NULL, updated_at = $2 WHERE id = $1`, [id, now]);
    const reason = error instanceof Error ? error.message.slice(0, 200) : String(error);
    await recordPaymentEvent(client, id, { from: 'created', to: 'failed', source: 'create', at: now, detail: { reason } });
  });
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; constraint?: unknown };
  return e.code === '23505' && e.constraint === constraint;
}
