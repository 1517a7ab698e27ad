import type pg from 'pg';
import type { Payment, Property, Tariff } from '@/lib/billing';
import { isUuid, queryPipeline, type PipelineStatement } from '@/lib/db/pipeline';
import { OPENING_PROPERTY, openingTariff } from './opening-bill';
import { TARIFF_COLUMNS, toTariff, type TariffRecord } from './tariff-record';

/** A bill with what the billing core needs to quote it: tariff, property as billed, payments. */
export interface LoadedBill {
  id: string;
  accountId: string;
  utilityId: string;
  season: number;
  /** SEASON, or OPENING: a balance carried over from the old system (lib/bills/opening-bill.ts). */
  kind: 'SEASON' | 'OPENING';
  status: 'DRAFT' | 'ISSUED' | 'PAID' | 'VOID';
  issuedAt: Date;
  settledAt: Date | null;
  principalFen: bigint;
  tariff: Tariff;
  tariffName: string;
  property: Property;
  payments: Payment[];
}

export const BILL_COLUMNS = `
  b.id AS bill_id, b.account_id, b.utility_id AS bill_utility_id, b.season AS bill_season, b.kind AS bill_kind, b.status, b.issued_at, b.settled_at,
  b.principal_fen::text AS principal_fen, b.building_area_m2::text AS bill_building_area,
  b.usable_area_m2::text AS bill_usable_area, b.metered_gj::text AS bill_gj, b.suspended, b.low_income AS bill_low_income,
  (SELECT coalesce(json_agg(json_build_object('at', l.at, 'amountFen', l.amount_fen::text) ORDER BY l.at, l.id), '[]')
     FROM bill_ledger l WHERE l.bill_id = b.id AND l.amount_fen > 0) AS ledger,
  ${TARIFF_COLUMNS}`;

export interface BillRecord extends TariffRecord {
  bill_id: string;
  account_id: string;
  bill_utility_id: string;
  bill_season: number;
  bill_kind: LoadedBill['kind'];
  status: LoadedBill['status'];
  issued_at: Date;
  settled_at: Date | null;
  principal_fen: string;
  bill_building_area: string;
  bill_usable_area: string;
  bill_gj: string | null;
  suspended: boolean;
  bill_low_income: boolean;
  ledger: { at: string; amountFen: string }[];
}

export function toLoadedBill(r: BillRecord): LoadedBill {
  const principalFen = BigInt(r.principal_fen);
  const opening = r.bill_kind === 'OPENING';
  return {
    id: r.bill_id,
    accountId: r.account_id,
    utilityId: r.bill_utility_id,
    season: r.bill_season,
    kind: r.bill_kind,
    status: r.status,
    issuedAt: r.issued_at,
    settledAt: r.settled_at,
    principalFen,
    // An opening balance is owed as stated: the billing core quotes it from its amount alone.
    tariff: opening ? openingTariff(principalFen) : toTariff(r),
    tariffName: r.name,
    property: opening
      ? OPENING_PROPERTY
      : {
          buildingAreaM2: r.bill_building_area,
          usableAreaM2: r.bill_usable_area,
          meteredGJ: r.bill_gj,
          suspended: r.suspended,
          lowIncome: r.bill_low_income,
        },
    payments: r.ledger.map((l) => ({ at: new Date(l.at), amountFen: BigInt(l.amountFen) })),
  };
}

/**
 * The statements that lock a bill and then read it, by the bill's id or by the trade number of
 * one of its payments ($1). Prepared once per connection (see lib/db/pipeline.ts).
 */
export function lockAndReadBill(by: 'id' | 'out_trade_no', key: string): PipelineStatement[] {
  const bill = by === 'id' ? '$1::uuid' : '(SELECT bill_id FROM payment WHERE out_trade_no = $1)';
  return [
    { name: `bill-lock-by-${by}`, text: `SELECT 1 FROM bill WHERE id = ${bill} FOR UPDATE`, values: [key] },
    // A statement of its own: its snapshot, taken after the lock, sees every payment committed before it.
    { name: `bill-read-by-${by}`, text: `SELECT ${BILL_COLUMNS} FROM bill b JOIN tariff t ON t.id = b.tariff_id WHERE b.id = ${bill}`, values: [key] },
  ];
}

/** Locks the bill row, then reads it with its tariff and payments, in one round trip. */
export async function loadBillForUpdate(client: pg.PoolClient, billId: string): Promise<LoadedBill | null> {
  if (!isUuid(billId)) return null;
  const [, rows] = await queryPipeline<[unknown[], BillRecord[]]>(client, lockAndReadBill('id', billId));
  return rows[0] ? toLoadedBill(rows[0]) : null;
}
