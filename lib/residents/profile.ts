import { pool } from '@/lib/db/client';
import { env } from '@/lib/env';
import { decryptField } from '@/lib/privacy/field-crypto';

/** The resident's own phone, decrypted for masking on their own page. */
export async function residentPhone(residentId: string): Promise<string> {
  const { rows } = await pool().query<{ phone_enc: string }>(`SELECT phone_enc FROM resident WHERE id = $1`, [residentId]);
  const row = rows[0];
  if (!row) throw new Error('resident not found');
  return decryptField(row.phone_enc, env().piiKeyring);
}
