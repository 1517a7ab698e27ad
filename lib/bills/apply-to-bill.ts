import type pg from 'pg';
import { assertBillTransition, quoteBill, type BillQuote } from '@/lib/billing';
import { AppError } from '@/lib/errors/app-error';
import { loadBillForUpdate } from './load-bill';

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

export async function applyToBill(
  client: pg.PoolClient,
  billId: string,
  entry: LedgerEntry,
): Promise<{ applied: boolean; quote: BillQuote }> {
  const bill = await loadBillForUpdate(client, billId);
  if (!bill) throw new AppError('not_found', `bill ${billId}`);
  if (bill.status === 'VOID') throw new AppError('invalid_transition', 'bill is void');
  const inserted = await client.query(
    `INSERT INTO bill_ledger (bill_id, at, amount_fen, kind, source_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (source_id) DO NOTHING`,
    [billId, entry.at, entry.amountFen.toString(), entry.kind, entry.sourceId],
  );
  const payments = inserted.rowCount === 1 ? [...bill.payments, { at: entry.at, amountFen: entry.amountFen }] : bill.payments;
  const quote = quoteBill(bill.tariff, bill.property, payments, entry.at);
  if (bill.status === 'ISSUED' && quote.dueFen === 0n) {
    assertBillTransition('ISSUED', 'PAID');
    await client.query(`UPDATE bill SET status = 'PAID', settled_at = $2 WHERE id = $1`, [billId, entry.at]);
  }
  return { applied: inserted.rowCount === 1, quote };
}
