import { hit } from '@/lib/auth/rate-limit';
import { shanghaiDay } from '@/lib/complaints/shanghai';
import { pool } from '@/lib/db/client';
import { withTransaction } from '@/lib/db/transaction';
import { env } from '@/lib/env';
import { formatMoney } from '@/lib/format/money';
import { computeRefund } from './compute-amount';
import { loadRefundBasis } from './load-basis';
import { enqueueRefundNotice } from './notices';
import { prepareRefundQueues } from './pay-job';
import { insertRefundPhotos, storeRefundPhotos } from './photos';
import { assertRefundable, refusalOf } from './quote-refund';
import { recordRefundStep } from './records';
import type { ResidentRefundReason as RefundReason } from './state-machine';
import { addWorkingDays } from './working-days';

/**
 * A resident asks for a refund. The amount is computed again here, inside the transaction that
 * saves it with the bill locked, so what is saved is what the rules give at that moment and two
 * requests on one bill never claim the same money. The page's idempotency key makes a double
 * submit return the request the first submit created.
 */
export const REFUNDS_PER_DAY = 10;
export const NOTE_MAX = 500;

export interface SubmitRefundInput {
  residentId: string;
  billId: string;
  reason: RefundReason;
  note: string | null;
  idempotencyKey: string;
  ip?: string;
  photos?: readonly Buffer[];
}

export interface Submitted {
  refundId: string;
  number: number;
  created: boolean;
}

export interface RefundPolicy {
  supervisorThresholdFen: bigint;
  promiseWorkingDays: number;
}

export function refundPolicy(): RefundPolicy {
  const e = env();
  return { supervisorThresholdFen: BigInt(e.REFUND_SUPERVISOR_THRESHOLD_FEN), promiseWorkingDays: e.REFUND_PROMISE_WORKING_DAYS };
}

async function findByKey(residentId: string, key: string): Promise<Submitted | null> {
  const { rows } = await pool().query<{ id: string; number: number }>(
    `SELECT id, number FROM refund_request WHERE resident_id = $1 AND idempotency_key = $2`,
    [residentId, key],
  );
  return rows[0] ? { refundId: rows[0].id, number: rows[0].number, created: false } : null;
}

export async function submitRefund(input: SubmitRefundInput, now: Date, policy: RefundPolicy = refundPolicy()): Promise<Submitted> {
  const existing = await findByKey(input.residentId, input.idempotencyKey);
  if (existing) return existing;
  await hit({ key: `refund:${input.residentId}`, windowSeconds: 86_400, max: REFUNDS_PER_DAY }, now);
  const photos = await storeRefundPhotos(input.photos ?? []);
  await prepareRefundQueues();

  return withTransaction(async (client) => {
    const loaded = await loadRefundBasis(client, { residentId: input.residentId, billId: input.billId, reason: input.reason, now, lock: true });
    // A double click waits here for the first submit's lock, then finds its request.
    const { rows: same } = await client.query<{ id: string; number: number }>(
      `SELECT id, number FROM refund_request WHERE resident_id = $1 AND idempotency_key = $2`,
      [input.residentId, input.idempotencyKey],
    );
    if (same[0]) return { refundId: same[0].id, number: same[0].number, created: false };
    const computed = computeRefund(input.reason, loaded.basis);
    assertRefundable(refusalOf(input.reason, loaded, computed));
    const expectedBy = addWorkingDays(shanghaiDay(now), policy.promiseWorkingDays);
    const { rows } = await client.query<{ id: string; number: number }>(
      `INSERT INTO refund_request (utility_id, account_id, bill_id, resident_id, idempotency_key, reason, amount_fen, lines, note,
         needs_supervisor, expected_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
       ON CONFLICT (resident_id, idempotency_key) DO NOTHING
       RETURNING id, number`,
      [
        loaded.bill.utilityId,
        loaded.bill.accountId,
        loaded.bill.id,
        input.residentId,
        input.idempotencyKey,
        input.reason,
        computed.amountFen.toString(),
        JSON.stringify(computed.lines),
        input.note,
        computed.amountFen > policy.supervisorThresholdFen,
        expectedBy,
        now,
      ],
    );
    const row = rows[0];
    if (!row) {
      // The same key committed in between (a double click): that request is the answer.
      const { rows: same } = await client.query<{ id: string; number: number }>(
        `SELECT id, number FROM refund_request WHERE resident_id = $1 AND idempotency_key = $2`,
        [input.residentId, input.idempotencyKey],
      );
      return { refundId: same[0]!.id, number: same[0]!.number, created: false };
    }
    await insertRefundPhotos(client, row.id, photos, now);
    await recordRefundStep(
      client,
      { id: row.id, utilityId: loaded.bill.utilityId },
      { kind: 'RESIDENT', residentId: input.residentId, ...(input.ip ? { ip: input.ip } : {}) },
      { from: null, to: 'submitted', kind: 'submit', message: input.note, detail: { reason: input.reason, amountFen: computed.amountFen.toString(), photos: photos.length } },
      now,
    );
    await enqueueRefundNotice(client, {
      refundId: row.id,
      template: 'refund_submitted',
      params: { amount: formatMoney(computed.amountFen), expected: expectedBy },
    });
    return { refundId: row.id, number: row.number, created: true };
  });
}
