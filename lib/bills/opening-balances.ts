import { pool } from '@/lib/db/client';

/**
 * Debts (or credits) carried over from a utility's old billing system when it moved to Nuanxin
 * (期初欠费, lib/onboarding). They are not season bills — the old system computed them with its
 * own rules — so they are shown beside the bills as stated, never recomputed.
 */
export interface OpeningBalance {
  accountNo: string;
  amountFen: bigint;
  asOf: Date;
}

export async function listOpeningBalances(residentId: string): Promise<OpeningBalance[]> {
  const { rows } = await pool().query<{ account_no: string; amount: string; as_of: Date }>(
    `SELECT a.account_no, ia.opening_balance_fen::text AS amount, ia.balance_as_of AS as_of
     FROM resident_account ra JOIN heating_account a ON a.id = ra.account_id JOIN imported_account ia ON ia.account_id = a.id
     WHERE ra.resident_id = $1 AND ia.opening_balance_fen <> 0 ORDER BY a.account_no`,
    [residentId],
  );
  return rows.map((r) => ({ accountNo: r.account_no, amountFen: BigInt(r.amount), asOf: r.as_of }));
}
