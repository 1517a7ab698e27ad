import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { pool } from '@/lib/db/client';

/**
 * Keys for the mention ingest endpoint: `nxk_<prefix>_<secret>`. The prefix finds the row; only the
 * SHA-256 of the secret is stored (a 32-byte random secret needs no slow hash). The whole key is
 * shown once, when it is created.
 */
const KEY_PATTERN = /^nxk_([a-f0-9]{12})_([A-Za-z0-9_-]{43})$/;

function digest(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

export async function createApiKey(utilityId: string, name: string, now: Date): Promise<{ id: string; key: string }> {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const { rows } = await pool().query<{ id: string }>(
    `INSERT INTO api_key (utility_id, name, prefix, secret_hash, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [utilityId, name, prefix, digest(secret).toString('hex'), now],
  );
  return { id: rows[0]!.id, key: `nxk_${prefix}_${secret}` };
}

/** The key's utility, or null for a malformed, unknown or revoked key (callers do not say which). */
export async function verifyApiKey(presented: string, now: Date): Promise<{ keyId: string; utilityId: string } | null> {
  const match = KEY_PATTERN.exec(presented);
  if (!match) return null;
  const [, prefix, secret] = match as unknown as [string, string, string];
  const { rows } = await pool().query<{ id: string; utility_id: string; secret_hash: string }>(
    `SELECT id, utility_id, secret_hash FROM api_key WHERE prefix = $1 AND revoked_at IS NULL`,
    [prefix],
  );
  const row = rows[0];
  if (!row || !timingSafeEqual(Buffer.from(row.secret_hash, 'hex'), digest(secret))) return null;
  await pool().query(`UPDATE api_key SET last_used_at = $2 WHERE id = $1`, [row.id, now]);
  return { keyId: row.id, utilityId: row.utility_id };
}
