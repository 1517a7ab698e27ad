import { quoteBill } from '@/lib/billing';
import { pool } from '@/lib/db/client';
import { BILL_COLUMNS, toLoadedBill, type BillRecord } from './load-bill';

/**
 * Debts (or credits) carried over from a utility's old billing system when it moved to Nuanxin
 * (期初欠费, lib/onboarding). They are not season bills — the old system computed them with its
 * own rules — so they are shown as stated, never recomputed. A debt is issued as an opening bill
 * (lib/bills/opening-bill.ts) and paid through the usual payment flow; a credit is only shown.
 */
export interface OpeningBalance {
  accountNo: string;
  amountFen: bigint;
  asOf: Date;
  /** The opening bill of a debt: what is still due on it, and its status. Null for a credit. */
  bill: { id: string; dueFen: bigint; status: 'ISSUED' | 'PAID' | 'VOID' | 'DRAFT' } | null;
}

/** bill_all: a settled opening bill archived by the retention job still shows as settled. */
type Row = Omit<BillRecord, 'bill_id'> & { bill_id: string | null; account_no: string; amount: string; as_of: Date };

export async function listOpeningBalances(residentId: string, now: Date): Promise<OpeningBalance[]> {
  const { rows } = await pool().query<Row>({
    name: 'opening-balances',
    text: `SELECT a.account_no, ia.opening_balance_fen::text AS amount, ia.balance_as_of AS as_of, o.*
           FROM resident_account ra JOIN heating_account a ON a.id = ra.account_id JOIN imported_account ia ON ia.account_id = a.id
           LEFT JOIN LATERAL (SELECT ${BILL_COLUMNS} FROM bill_all b JOIN tariff t ON t.id = b.tariff_id
                              WHERE b.account_id = a.id AND b.kind = 'OPENING') o ON true
           WHERE ra.resident_id = $1 AND ia.opening_balance_fen <> 0 ORDER BY a.account_no`,
    values: [residentId],
  });
  return rows.map((r) => {
    const bill = r.bill_id === null ? null : toLoadedBill({ ...r, bill_id: r.bill_id });
    return {
      accountNo: r.account_no,
      amountFen: BigInt(r.amount),
      asOf: r.as_of,
      bill: bill && { id: bill.id, dueFen: quoteBill(bill.tariff, bill.property, bill.payments, now).dueFen, status: bill.status },
    };
  });
}
