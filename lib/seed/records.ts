import { randomBytes } from 'node:crypto';
import { pool } from '@/lib/db/client';
import { env } from '@/lib/env';
import { hashPassword } from '@/lib/auth/password';
import { blindIndex, encryptField } from '@/lib/privacy/field-crypto';

/**
 * Building blocks that put records into the database the way the portal itself would store them
 * (personal data encrypted, passwords hashed). The demo data and every test use these, so tests
 * can seed their own residents and run in parallel. Each function is idempotent on its natural key.
 */

export interface UtilitySeed {
  code: string;
  name: string;
  nameEn: string;
  hotline: string;
}

export async function seedUtility(u: UtilitySeed): Promise<string> {
  const { rows } = await pool().query<{ id: string }>(
    `INSERT INTO utility (code, name, name_en, hotline, service_promise, payment_settings)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [u.code, u.name, u.nameEn, u.hotline, JSON.stringify(DEFAULT_PROMISE), JSON.stringify({ channels: ['sandbox-bank'] })],
  );
  return rows[0]!.id;
}

/** The service promises of a utility until its staff change them. */
export const DEFAULT_PROMISE = {
  firstResponseHours: 2,
  firstResponseHoursSeasonStart: 5,
  temperatureTestHours: 24,
  fixHours: 48,
  refundWorkingDays: 10,
};

export async function seedStation(utilityId: string, code: string, name: string): Promise<string> {
  const { rows } = await pool().query<{ id: string }>(
    `INSERT INTO station (utility_id, code, name) VALUES ($1, $2, $3)
     ON CONFLICT (utility_id, code) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [utilityId, code, name],
  );
  return rows[0]!.id;
}

export async function seedBuilding(stationId: string, name: string, address: string): Promise<string> {
  const existing = await pool().query<{ id: string }>(`SELECT id FROM building WHERE station_id = $1 AND name = $2`, [
    stationId,
    name,
  ]);
  if (existing.rows[0]) return existing.rows[0].id;
  const { rows } = await pool().query<{ id: string }>(
    `INSERT INTO building (station_id, name, address) VALUES ($1, $2, $3) RETURNING id`,
    [stationId, name, address],
  );
  return rows[0]!.id;
}

export interface AccountSeed {
  utilityId: string;
  buildingId: string;
  accountNo: string;
  holderName: string;
  holderPhone?: string;
  holderIdNo?: string;
  unit: string;
  address: string;
  buildingAreaM2: string;
  usableAreaM2: string;
  certificateNo?: string;
  status?: 'ACTIVE' | 'SUSPENDED' | 'CLOSED';
  lowIncome?: boolean;
}

export async function seedAccount(a: AccountSeed): Promise<string> {
  const ring = env().piiKeyring;
  const { rows } = await pool().query<{ id: string }>(
    `INSERT INTO heating_account (utility_id, building_id, account_no, holder_name, holder_phone_enc, holder_phone_hash,
       holder_id_no_enc, holder_id_no_hash, unit, address, building_area_m2, usable_area_m2, certificate_no, status, low_income)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (utility_id, account_no) DO UPDATE SET holder_name = EXCLUDED.holder_name RETURNING id`,
    [
      a.utilityId,
      a.buildingId,
      a.accountNo,
      a.holderName,
      a.holderPhone ? encryptField(a.holderPhone, ring) : null,
      a.holderPhone ? blindIndex(a.holderPhone, ring, 'phone') : null,
      a.holderIdNo ? encryptField(a.holderIdNo, ring) : null,
      a.holderIdNo ? blindIndex(a.holderIdNo, ring, 'id-number') : null,
      a.unit,
      a.address,
      a.buildingAreaM2,
      a.usableAreaM2,
      a.certificateNo ?? null,
      a.status ?? 'ACTIVE',
      a.lowIncome ?? false,
    ],
  );
  return rows[0]!.id;
}

export async function seedResident(phone: string, name: string | null, accountIds: string[]): Promise<string> {
  const ring = env().piiKeyring;
  const { rows } = await pool().query<{ id: string }>(
    `INSERT INTO resident (phone_enc, phone_hash, name) VALUES ($1, $2, $3)
     ON CONFLICT (phone_hash) DO UPDATE SET name = coalesce(EXCLUDED.name, resident.name) RETURNING id`,
    [encryptField(phone, ring), blindIndex(phone, ring, 'phone'), name],
  );
  const residentId = rows[0]!.id;
  for (const accountId of accountIds) {
    await pool().query(`INSERT INTO resident_account (resident_id, account_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      residentId,
      accountId,
    ]);
  }
  return residentId;
}

export async function seedStaff(s: {
  utilityId: string;
  username: string;
  password: string;
  name: string;
  role: 'AGENT' | 'SUPERVISOR' | 'ADMIN';
}): Promise<string> {
  const existing = await pool().query<{ id: string }>(`SELECT id FROM staff WHERE username = $1`, [s.username]);
  if (existing.rows[0]) return existing.rows[0].id;
  const { rows } = await pool().query<{ id: string }>(
    `INSERT INTO staff (utility_id, username, password_hash, name, role) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [s.utilityId, s.username, await hashPassword(s.password), s.name, s.role],
  );
  return rows[0]!.id;
}

/** A mobile number no real person has: 199 plus random digits (tests seed their own residents). */
export function randomTestPhone(): string {
  return `199${(randomBytes(4).readUInt32BE() % 100_000_000).toString().padStart(8, '0')}`;
}
