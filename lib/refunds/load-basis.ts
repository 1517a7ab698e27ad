import type pg from 'pg';
import { BILL_COLUMNS, toLoadedBill, type BillRecord, type LoadedBill } from '@/lib/bills/load-bill';
import { AppError } from '@/lib/errors/app-error';
import type { ColdDay, RefundBasis } from './compute-amount';
import { ACTIVE_REFUND_STATES, type ResidentRefundReason as RefundReason } from './state-machine';

/**
 * What the billing core needs to compute a refund on one of the resident's bills: the bill as
 * billed, the money received, what other requests already claim, and the season's measured
 * temperatures from the resident's complaints. With `lock`, the bill row is locked so two
 * requests on one bill are computed one after the other.
 */
export interface LoadedBasis {
  bill: LoadedBill;
  accountNo: string;
  accountSuspended: boolean;
  basis: RefundBasis;
}

type Db = pg.Pool | pg.PoolClient;

export async function loadRefundBasis(
  db: Db,
  input: { residentId: string; billId: string; reason: RefundReason; now: Date; lock?: boolean },
): Promise<LoadedBasis> {
  const { rows: owned } = await db.query<{ account_no: string; status: string }>(
    `SELECT a.account_no, a.status FROM bill b
     JOIN heating_account a ON a.id = b.account_id
     JOIN resident_account ra ON ra.account_id = b.account_id AND ra.resident_id = $2
     WHERE b.id = $1`,
    [input.billId, input.residentId],
  );
  const account = owned[0];
  // Someone else's bill reads exactly like a missing one.
  if (!account) throw new AppError('not_found', 'bill');
  if (input.lock) await db.query(`SELECT 1 FROM bill WHERE id = $1 FOR UPDATE`, [input.billId]);
  const { rows } = await db.query<BillRecord>(`SELECT ${BILL_COLUMNS} FROM bill b JOIN tariff t ON t.id = b.tariff_id WHERE b.id = $1`, [input.billId]);
  if (!rows[0]) throw new AppError('not_found', 'bill');
  const bill = toLoadedBill(rows[0]);
  if (bill.status === 'VOID' || bill.status === 'DRAFT') throw new AppError('invalid_input', 'bill_not_refundable');

  const { rows: claimed } = await db.query<{ all_fen: string; cold_fen: string }>(
    `SELECT coalesce(sum(amount_fen), 0)::text AS all_fen,
            coalesce(sum(amount_fen) FILTER (WHERE reason = 'COLD_ROOMS'), 0)::text AS cold_fen
     FROM refund_request WHERE bill_id = $1 AND state = ANY($2::refund_state[])`,
    [input.billId, ACTIVE_REFUND_STATES],
  );
  const coldDays = input.reason === 'COLD_ROOMS' ? await measuredDays(db, bill.accountId) : [];
  return {
    bill,
    accountNo: account.account_no,
    accountSuspended: account.status === 'SUSPENDED',
    basis: {
      tariff: bill.tariff,
      property: bill.property,
      payments: bill.payments,
      at: input.now,
      refundedFen: BigInt(claimed[0]?.all_fen ?? '0'),
      coldClaimedFen: BigInt(claimed[0]?.cold_fen ?? '0'),
      coldDays,
    },
  };
}

/** Per day, the coldest room measured on the account's complaints (the standard holds for every heated room). */
async function measuredDays(db: Db, accountId: string): Promise<ColdDay[]> {
  const { rows } = await db.query<{ day: string; celsius: string; room: string }>(
    `SELECT DISTINCT ON (r.measured_on) r.measured_on::text AS day, r.celsius::text AS celsius, r.room
     FROM temperature_reading r JOIN complaint c ON c.id = r.complaint_id
     WHERE c.account_id = $1
     ORDER BY r.measured_on, r.celsius, r.room`,
    [accountId],
  );
  return rows.map((r) => ({ date: r.day, indoorC: r.celsius, room: r.room }));
}
