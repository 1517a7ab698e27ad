import type pg from 'pg';
import { assertBillTransition, quoteBill, type BillQuote } from '@/lib/billing';
import { AppError } from '@/lib/errors/app-error';
import { loadBillForUpdate, type LoadedBill } from './load-bill';

/**
 * Applies money to a bill inside the caller's transaction: the bill row is locked, the ledger
 * entry is written once per source (a replayed payment changes nothing), and the bill becomes
 * PAID when the billing core says nothing is due. Late fee is paid before principal by the core.
 */
export interface LedgerEntry {
  amountFen: bigint;
  at: Date;
  kind: 'payment' | 'refund' | 'legacy';
  sourceId: string;
}

/**
 * `locked`: the bill as the caller already locked and read it in this transaction (saves the
 * round trip on the payment hot path); otherwise it is locked and read here.
 */
export async function applyToBill(
  client: pg.PoolClient,
  billId: string,
  entry: LedgerEntry,
  locked?: LoadedBill,
): Promise<{ applied: boolean; quote: BillQuote }> {
  const bill = locked ?? (await loadBillForUpdate(client, billId));
  if (!bill) throw new AppError('not_found', `bill ${billId}`);
  if (bill.status === 'VOID') throw new AppError('invalid_transition', 'bill is void');
  const withEntry = quoteBill(bill.tariff, bill.property, [...bill.payments, { at: entry.at, amountFen: entry.amountFen }], entry.at);
  const settles = bill.status === 'ISSUED' && withEntry.dueFen === 0n;
  if (settles) assertBillTransition('ISSUED', 'PAID');
  // The entry and the bill's new status in one statement: the bill is settled only by a new entry.
  const { rows } = await client.query<{ applied: boolean }>({
    name: 'bill-apply-entry',
    text: `WITH entry AS (
       INSERT INTO bill_ledger (bill_id, at, amount_fen, kind, source_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (source_id) DO NOTHING RETURNING id),
     settled AS (
       UPDATE bill SET status = 'PAID', settled_at = $2 WHERE id = $1 AND $6::boolean AND EXISTS (SELECT 1 FROM entry) RETURNING id)
     SELECT EXISTS (SELECT 1 FROM entry) AS applied, (SELECT count(*) FROM settled) AS settled`,
    values: [billId, entry.at, entry.amountFen.toString(), entry.kind, entry.sourceId, settles],
  });
  const applied = rows[0]!.applied;
  return { applied, quote: applied ? withEntry : quoteBill(bill.tariff, bill.property, bill.payments, entry.at) };
}
