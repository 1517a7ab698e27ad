import { lateFeeTicker, quoteBill, settlementFen, type BillQuote, type LateFeeTicker } from '@/lib/billing';
import { pool } from '@/lib/db/client';
import { BILL_COLUMNS, toLoadedBill, type BillRecord, type LoadedBill } from './load-bill';

/**
 * Season bills of the accounts bound to a resident, each quoted by the billing core at `now`.
 * Opening balances are listed on their own (opening-balances.ts); getResidentBill finds both.
 */
export interface BillSummary {
  id: string;
  season: number;
  accountNo: string;
  address: string;
  status: LoadedBill['status'];
  principalFen: bigint;
  dueFen: bigint;
  lateFeeFen: bigint;
}

interface Row extends BillRecord {
  account_no: string;
  address: string;
  utility_name: string;
  utility_name_en: string;
  hotline: string;
}

const FROM_RESIDENT = `
  FROM resident_account ra
  JOIN bill b ON b.account_id = ra.account_id
  JOIN tariff t ON t.id = b.tariff_id
  JOIN heating_account a ON a.id = b.account_id
  JOIN utility u ON u.id = a.utility_id`;

const EXTRA = `, a.account_no, a.address, u.name AS utility_name, u.name_en AS utility_name_en, u.hotline`;

function toSummary(r: Row, now: Date): BillSummary {
  const bill = toLoadedBill(r);
  const quote = quoteBill(bill.tariff, bill.property, bill.payments, now);
  return {
    id: bill.id,
    season: bill.season,
    accountNo: r.account_no,
    address: r.address,
    status: bill.status,
    principalFen: quote.principalFen,
    dueFen: quote.dueFen,
    lateFeeFen: quote.lateFeeFen,
  };
}

export async function listResidentBills(residentId: string, now: Date): Promise<BillSummary[]> {
  const { rows } = await pool().query<Row>({
    name: 'resident-bills',
    text: `SELECT ${BILL_COLUMNS}${EXTRA} ${FROM_RESIDENT}
           WHERE ra.resident_id = $1 AND b.status <> 'DRAFT' AND b.kind = 'SEASON'
           ORDER BY b.season DESC, a.account_no`,
    values: [residentId],
  });
  return rows.map((r) => toSummary(r, now));
}

/** The session check and the resident's season bills in one statement; `extra` adds columns per row. */
const billsForSession = (extra = '') => `
  WITH s AS (
    SELECT subject_id FROM auth_session
    WHERE id = $1 AND kind = 'RESIDENT' AND revoked_at IS NULL AND expires_at > $2
  )
  SELECT true AS session_ok${extra}, x.* FROM s LEFT JOIN LATERAL (
    SELECT ${BILL_COLUMNS}${EXTRA} ${FROM_RESIDENT}
    WHERE ra.resident_id = s.subject_id AND b.status <> 'DRAFT' AND b.kind = 'SEASON'
  ) x ON true
  ORDER BY x.bill_season DESC NULLS LAST, x.account_no`;

const BILLS_FOR_SESSION = billsForSession();

/**
 * The hot read path of the JSON API: the session check and the bills in one indexed query, so a
 * revoked or expired session simply finds nothing. Null when the session is not valid. A named
 * statement: each connection parses and plans this six-table join once, not on every request.
 */
export async function listBillsForSession(sid: string, now: Date): Promise<BillSummary[] | null> {
  const { rows } = await pool().query<Row & { session_ok: boolean }>({ name: 'bills-for-session', text: BILLS_FOR_SESSION, values: [sid, now] });
  if (rows.length === 0) return null;
  return rows.filter((r) => r.bill_id !== null).map((r) => toSummary(r, now));
}

const BILLS_PAGE_FOR_SESSION = billsForSession(`, s.subject_id AS resident_id,
    EXISTS (SELECT 1 FROM resident_account ra JOIN imported_account ia ON ia.account_id = ra.account_id
            WHERE ra.resident_id = s.subject_id AND ia.opening_balance_fen <> 0) AS has_opening_balances`);

export interface ResidentBills {
  residentId: string;
  bills: BillSummary[];
  /** Whether any bound account carries a balance over from the old system (opening-balances.ts). */
  hasOpeningBalances: boolean;
}

/**
 * The bills page's read: the session check, the season bills and whether there are opening
 * balances to list, in one statement — a signed-in page pays for every round trip it makes while
 * Next renders it. Null when the session is not a valid resident session.
 */
export async function residentBillsForSession(sid: string, now: Date): Promise<ResidentBills | null> {
  const { rows } = await pool().query<Row & { resident_id: string; has_opening_balances: boolean }>({
    name: 'bills-page-for-session',
    text: BILLS_PAGE_FOR_SESSION,
    values: [sid, now],
  });
  const first = rows[0];
  if (!first) return null;
  return {
    residentId: first.resident_id,
    bills: rows.filter((r) => r.bill_id !== null).map((r) => toSummary(r, now)),
    hasOpeningBalances: first.has_opening_balances,
  };
}

export interface BillDetail {
  bill: LoadedBill;
  accountNo: string;
  address: string;
  utilityName: string;
  utilityNameEn: string;
  hotline: string;
  quote: BillQuote;
  /** What one payment now would settle the bill with (early discount taken into account). */
  settlementFen: bigint;
  ticker: LateFeeTicker;
  at: Date;
}

/** A bill only when its account is bound to this resident; anyone else's is not found. */
export async function getResidentBill(residentId: string, billId: string, now: Date): Promise<BillDetail | null> {
  const { rows } = await pool().query<Row>({
    name: 'resident-bill',
    text: `SELECT ${BILL_COLUMNS}${EXTRA} ${FROM_RESIDENT} WHERE ra.resident_id = $1 AND b.id = $2 AND b.status <> 'DRAFT'`,
    values: [residentId, billId],
  });
  const r = rows[0];
  if (!r) return null;
  const bill = toLoadedBill(r);
  return {
    bill,
    accountNo: r.account_no,
    address: r.address,
    utilityName: r.utility_name,
    utilityNameEn: r.utility_name_en,
    hotline: r.hotline,
    quote: quoteBill(bill.tariff, bill.property, bill.payments, now),
    settlementFen: settlementFen(bill.tariff, bill.property, bill.payments, now),
    ticker: lateFeeTicker(bill.tariff, bill.property, bill.payments, now),
    at: now,
  };
}
