import { pool } from '@/lib/db/client';
import { env } from '@/lib/env';
import { encryptField } from '@/lib/privacy/field-crypto';
import { phoneHash } from '@/lib/auth/otp';

/** The resident who owns a verified phone number, created on first sign-in. */
export async function findOrCreateResident(phone: string, now: Date): Promise<{ id: string; created: boolean }> {
  const hash = phoneHash(phone);
  const { rows } = await pool().query<{ id: string; created: boolean }>(
    `WITH inserted AS (
       INSERT INTO resident (phone_enc, phone_hash, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (phone_hash) DO NOTHING RETURNING id
     )
     SELECT id, true AS created FROM inserted
     UNION ALL
     SELECT id, false AS created FROM resident WHERE phone_hash = $2 AND NOT EXISTS (SELECT 1 FROM inserted)`,
    [encryptField(phone, env().piiKeyring), hash, now],
  );
  const row = rows[0];
  if (!row) throw new Error('resident upsert returned nothing');
  return row;
}
