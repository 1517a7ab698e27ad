import { encode } from 'next-auth/jwt';
import { HARBIN_LIKE_TARIFF } from '../../lib/billing/example-tariffs';
import { issueSeasonBills } from '../../lib/bills/issue-bills';
import { saveTariff } from '../../lib/bills/save-tariff';
import { pool } from '../../lib/db/client';
import { env } from '../../lib/env';
import { blindIndex, encryptField } from '../../lib/privacy/field-crypto';

/** Seeds the load benchmark: N accounts with bills, one resident each, and signed-in sessions. */
export async function seedAccounts(n: number): Promise<string> {
  const { rows } = await pool().query<{ id: string }>(
    `INSERT INTO utility (code, name, name_en, hotline, service_promise, payment_settings)
     VALUES ('bench', '压测热力', 'Bench Heating', '96069', '{}', '{}') RETURNING id`,
  );
  const utilityId = rows[0]!.id;
  await pool().query(`INSERT INTO station (utility_id, code, name) SELECT $1, 'S' || g, '换热站 ' || g FROM generate_series(1, 100) g`, [utilityId]);
  await pool().query(
    `INSERT INTO building (station_id, name, address) SELECT s.id, s.code || '-' || g, '压测路 ' || g || ' 号'
     FROM station s, generate_series(1, 100) g WHERE s.utility_id = $1`,
    [utilityId],
  );
  await pool().query(
    `WITH b AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM building)
     INSERT INTO heating_account (utility_id, account_no, holder_name, building_id, unit, address, building_area_m2, usable_area_m2)
     SELECT $1, 'B' || lpad(g::text, 9, '0'), '住户' || g, b.id, '1-' || (g % 30), '压测小区',
            round((50 + (g::bigint * 7919 % 12000) / 100.0)::numeric, 2), round((40 + (g::bigint * 7919 % 9000) / 100.0)::numeric, 2)
     FROM generate_series(1, $2::int) g JOIN b ON b.i = g % 10000`,
    [utilityId, n],
  );
  await saveTariff(utilityId, 2026, '压测价格', HARBIN_LIKE_TARIFF);
  await issueSeasonBills(2026, new Date('2026-10-15T09:00:00+08:00'), { batchSize: 10_000 });
  return utilityId;
}

export interface BenchSession {
  accountId: string;
  cookie: string;
}

/** Residents bound to the first `count` accounts, each signed in: the cookie a browser would hold. */
export async function seedSessions(count: number): Promise<BenchSession[]> {
  const ring = env().piiKeyring;
  const { rows } = await pool().query<{ id: string }>(`SELECT id FROM heating_account ORDER BY account_no LIMIT $1`, [count]);
  const sessions: BenchSession[] = [];
  for (const [i, account] of rows.entries()) {
    const phone = `199${String(i).padStart(8, '0')}`;
    const resident = await pool().query<{ id: string }>(
      `INSERT INTO resident (phone_enc, phone_hash) VALUES ($1, $2) RETURNING id`,
      [encryptField(phone, ring), blindIndex(phone, ring, 'phone')],
    );
    const residentId = resident.rows[0]!.id;
    await pool().query(`INSERT INTO resident_account (resident_id, account_id) VALUES ($1, $2)`, [residentId, account.id]);
    const session = await pool().query<{ id: string }>(
      `INSERT INTO auth_session (kind, subject_id, expires_at, claimed) VALUES ('RESIDENT', $1, now() + interval '1 day', true) RETURNING id`,
      [residentId],
    );
    const salt = '__Secure-authjs.session-token';
    const token = await encode({ salt, secret: env().AUTH_SECRET, token: { sub: residentId, sid: session.rows[0]!.id, kind: 'RESIDENT' } });
    sessions.push({ accountId: account.id, cookie: `${salt}=${token}` });
  }
  return sessions;
}
