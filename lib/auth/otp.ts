import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { AppError } from '@/lib/errors/app-error';
import { pool } from '@/lib/db/client';
import { withTransaction } from '@/lib/db/transaction';
import { env } from '@/lib/env';
import { blindIndex } from '@/lib/privacy/field-crypto';
import { hit } from './rate-limit';

/**
 * One-time sign-in codes. Only a keyed hash of a code is stored. A code is valid for 5 minutes
 * (10 in elder mode, which asks for unhurried timers), allows 5 tries, and a phone may ask for 5
 * codes an hour; every count lives in PostgreSQL.
 */
export const OTP_TTL_SECONDS = 300;
export const OTP_TTL_ELDER_SECONDS = 600;
export const OTP_MAX_ATTEMPTS = 5;
export const OTP_MAX_PER_PHONE_PER_HOUR = 5;
// Mobile carriers put many people behind one address (carrier-grade NAT), so the per-address
// limits are a deployment setting; the per-phone and per-code limits are not.
export const OTP_MAX_PER_IP_PER_HOUR = Number(process.env.OTP_IP_LIMIT_PER_HOUR ?? 30);
export const VERIFY_MAX_PER_IP_PER_HOUR = OTP_MAX_PER_IP_PER_HOUR * 2;

export function phoneHash(phone: string): string {
  return blindIndex(phone, env().piiKeyring, 'phone');
}

function codeHash(challengeId: string, code: string): Buffer {
  return createHmac('sha256', env().AUTH_SECRET).update(`otp\u0000${challengeId}\u0000${code}`).digest();
}

export interface IssuedCode {
  code: string;
  expiresAt: Date;
}

export async function issueCode(phone: string, ip: string, now: Date, opts: { elder: boolean }): Promise<IssuedCode> {
  const hash = phoneHash(phone);
  await hit({ key: `otp-ip:${ip}`, windowSeconds: 3600, max: OTP_MAX_PER_IP_PER_HOUR }, now);
  await hit({ key: `otp-phone:${hash}`, windowSeconds: 3600, max: OTP_MAX_PER_PHONE_PER_HOUR }, now);
  const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
  const ttl = opts.elder ? OTP_TTL_ELDER_SECONDS : OTP_TTL_SECONDS;
  const expiresAt = new Date(now.getTime() + ttl * 1000);
  await withTransaction(async (client) => {
    // A new code replaces any earlier one for the phone.
    await client.query(`UPDATE otp_challenge SET consumed_at = $2 WHERE phone_hash = $1 AND consumed_at IS NULL`, [
      hash,
      now,
    ]);
    const id = randomUUID();
    await client.query(
      `INSERT INTO otp_challenge (id, phone_hash, code_hash, created_at, expires_at, ip) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, hash, codeHash(id, code).toString('base64'), now, expiresAt, ip],
    );
  });
  return { code, expiresAt };
}

/** Checks a code; on success it is consumed and cannot be used again. */
export async function verifyCode(phone: string, code: string, ip: string, now: Date): Promise<void> {
  await hit({ key: `otp-verify-ip:${ip}`, windowSeconds: 3600, max: VERIFY_MAX_PER_IP_PER_HOUR }, now);
  const hash = phoneHash(phone);
  const { rows } = await pool().query<{ id: string; code_hash: string; expires_at: Date; attempts: number }>(
    `UPDATE otp_challenge SET attempts = attempts + 1
     WHERE id = (SELECT id FROM otp_challenge WHERE phone_hash = $1 AND consumed_at IS NULL
                 ORDER BY created_at DESC LIMIT 1)
     RETURNING id, code_hash, expires_at, attempts`,
    [hash],
  );
  const challenge = rows[0];
  if (!challenge) throw new AppError('code_expired', 'no open code');
  if (challenge.attempts > OTP_MAX_ATTEMPTS) throw new AppError('code_locked');
  if (challenge.expires_at.getTime() <= now.getTime()) throw new AppError('code_expired');
  const expected = Buffer.from(challenge.code_hash, 'base64');
  const given = codeHash(challenge.id, code);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new AppError(challenge.attempts >= OTP_MAX_ATTEMPTS ? 'code_locked' : 'code_invalid');
  }
  const consumed = await pool().query(
    `UPDATE otp_challenge SET consumed_at = $2 WHERE id = $1 AND consumed_at IS NULL`,
    [challenge.id, now],
  );
  // Two tabs submitting the same code: only the first signs in.
  if (consumed.rowCount !== 1) throw new AppError('code_expired', 'already used');
}
