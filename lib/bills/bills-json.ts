import type { BillSummary } from './resident-bills';

/** The bills JSON API's body: amounts in integer fen. */
export function billsJson(bills: BillSummary[]) {
  return {
    bills: bills.map((b) => ({
      id: b.id,
      season: b.season,
      accountNo: b.accountNo,
      address: b.address,
      status: b.status,
      principalFen: Number(b.principalFen),
      lateFeeFen: Number(b.lateFeeFen),
      dueFen: Number(b.dueFen),
    })),
  };
}
