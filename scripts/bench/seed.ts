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
  await seedPaymentHistory();
  return utilityId;
}

/**
 * A payment history for every account: one attempt that failed, and on every third account a
 * part payment that succeeded (with its ledger entry, so bills and payments agree). Payments
 * belong to the household's first payer, a resident of its own here.
 */
async function seedPaymentHistory(): Promise<void> {
  const ring = env().piiKeyring;
  const phone = '19800000000';
  const payer = await pool().query<{ id: string }>(`INSERT INTO resident (phone_enc, phone_hash) VALUES ($1, $2) RETURNING id`, [
    encryptField(phone, ring),
    blindIndex(phone, ring, 'phone'),
  ]);
  const at = `timestamptz '2026-10-20 10:00:00+08'`;
  await pool().query(
    `INSERT INTO payment (out_trade_no, bill_id, resident_id, channel, amount_fen, status, idempotency_key, quoted_at, expires_at, created_at, updated_at)
     SELECT 'NXH' || lpad(row_number() OVER ()::text, 12, '0'), b.id, $1, 'sandbox-bank', b.principal_fen, 'failed', gen_random_uuid()::text,
            ${at}, ${at} + interval '15 minutes', ${at}, ${at}
       FROM bill b`,
    [payer.rows[0]!.id],
  );
  await pool().query(
    `WITH paid AS (
       INSERT INTO payment (out_trade_no, bill_id, resident_id, channel, amount_fen, status, idempotency_key, quoted_at, expires_at, paid_at, created_at, updated_at)
       SELECT 'NXS' || lpad(row_number() OVER ()::text, 12, '0'), b.id, $1, 'sandbox-bank', 10000, 'succeeded', gen_random_uuid()::text,
              ${at} + interval '1 day', ${at} + interval '1 day 15 minutes', ${at} + interval '1 day 1 minute', ${at} + interval '1 day', ${at} + interval '1 day'
         FROM bill b JOIN heating_account a ON a.id = b.account_id WHERE substr(a.account_no, 2)::int % 3 = 0
       RETURNING id, bill_id, paid_at)
     INSERT INTO bill_ledger (bill_id, at, amount_fen, kind, source_id) SELECT bill_id, paid_at, 10000, 'payment', 'payment:' || id FROM paid`,
    [payer.rows[0]!.id],
  );
  await pool().query('ANALYZE');
}

export interface BenchSession {
  accountId: string;
  billId: string;
  cookie: string;
}

/** Residents bound to the first `count` accounts, each signed in: the cookie a browser would hold. */
export async function seedSessions(count: number): Promise<BenchSession[]> {
  const ring = env().piiKeyring;
  const { rows } = await pool().query<{ id: string; bill_id: string }>(
    `SELECT a.id, b.id AS bill_id FROM heating_account a JOIN bill b ON b.account_id = a.id ORDER BY a.account_no LIMIT $1`,
    [count],
  );
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
    sessions.push({ accountId: account.id, billId: account.bill_id, cookie: `${salt}=${token}` });
  }
  return sessions;
}
