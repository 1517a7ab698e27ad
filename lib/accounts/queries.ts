import { pool } from '@/lib/db/client';

/** What a resident sees of an account bound to them. Areas stay exact decimal strings. */
export interface AccountView {
  id: string;
  accountNo: string;
  utilityName: string;
  utilityNameEn: string;
  holderName: string;
  address: string;
  buildingAreaM2: string;
  usableAreaM2: string;
  status: 'ACTIVE' | 'SUSPENDED' | 'CLOSED';
  stationName: string;
}

const SELECT_VIEW = `
  SELECT a.id, a.account_no, u.name AS utility_name, u.name_en AS utility_name_en, a.holder_name, a.address,
         a.building_area_m2::text AS building_area, a.usable_area_m2::text AS usable_area, a.status,
         s.name AS station_name
  FROM resident_account ra
  JOIN heating_account a ON a.id = ra.account_id
  JOIN utility u ON u.id = a.utility_id
  JOIN building b ON b.id = a.building_id
  JOIN station s ON s.id = b.station_id`;

interface Row {
  id: string;
  account_no: string;
  utility_name: string;
  utility_name_en: string;
  holder_name: string;
  address: string;
  building_area: string;
  usable_area: string;
  status: AccountView['status'];
  station_name: string;
}

function toView(r: Row): AccountView {
  return {
    id: r.id,
    accountNo: r.account_no,
    utilityName: r.utility_name,
    utilityNameEn: r.utility_name_en,
    holderName: r.holder_name,
    address: r.address,
    buildingAreaM2: r.building_area,
    usableAreaM2: r.usable_area,
    status: r.status,
    stationName: r.station_name,
  };
}

export async function listResidentAccounts(residentId: string): Promise<AccountView[]> {
  const { rows } = await pool().query<Row>(`${SELECT_VIEW} WHERE ra.resident_id = $1 ORDER BY ra.bound_at`, [residentId]);
  return rows.map(toView);
}

/** An account only when it is bound to this resident: anyone else's is simply not found. */
export async function getResidentAccount(residentId: string, accountId: string): Promise<AccountView | null> {
  const { rows } = await pool().query<Row>(`${SELECT_VIEW} WHERE ra.resident_id = $1 AND ra.account_id = $2`, [
    residentId,
    accountId,
  ]);
  const row = rows[0];
  return row ? toView(row) : null;
}

export async function listUtilities(): Promise<{ id: string; name: string; nameEn: string }[]> {
  const { rows } = await pool().query<{ id: string; name: string; name_en: string }>(
    `SELECT id, name, name_en FROM utility ORDER BY name`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, nameEn: r.name_en }));
}
