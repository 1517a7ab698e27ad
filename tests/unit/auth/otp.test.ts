import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { closeDb, pool } from '@/lib/db/client';
import { issueCode, OTP_MAX_PER_PHONE_PER_HOUR, verifyCode } from '@/lib/auth/otp';
import { randomTestPhone } from '@/lib/seed/records';

const ip = '127.0.0.9';
const at = (iso: string) => new Date(iso);

async function codeError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'none';
}

afterAll(async () => closeDb());

describe('one-time sign-in codes (PostgreSQL)', () => {
  it('accepts the right code once, and stores only a hash', async () => {
    const phone = randomTestPhone();
    const now = at('2026-11-25T10:00:00+08:00');
    const { code } = await issueCode(phone, ip, now, { elder: false });
    const { rows } = await pool().query<{ code_hash: string }>(`SELECT code_hash FROM otp_challenge ORDER BY created_at DESC LIMIT 20`);
    expect(rows.some((r) => r.code_hash.includes(code))).toBe(false);
    await verifyCode(phone, code, ip, now);
    expect(await codeError(verifyCode(phone, code, ip, now))).toBe('code_expired');
  });

  it('expires after 5 minutes, 10 in elder mode', async () => {
    const phone = randomTestPhone();
    const now = at('2026-11-25T10:00:00+08:00');
    const { code } = await issueCode(phone, ip, now, { elder: false });
    expect(await codeError(verifyCode(phone, code, ip, new Date(now.getTime() + 300_000)))).toBe('code_expired');
    const elder = await issueCode(phone, ip, now, { elder: true });
    await expect(verifyCode(phone, elder.code, ip, new Date(now.getTime() + 599_000))).resolves.toBeUndefined();
  });

  it('locks a code after 5 wrong tries, even for the right code', async () => {
    const phone = randomTestPhone();
    const now = at('2026-11-25T10:00:00+08:00');
    const { code } = await issueCode(phone, ip, now, { elder: false });
    const wrong = code === '000000' ? '111111' : '000000';
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await codeError(verifyCode(phone, wrong, ip, now)));
    expect(results).toEqual(['code_invalid', 'code_invalid', 'code_invalid', 'code_invalid', 'code_locked']);
    expect(await codeError(verifyCode(phone, code, ip, now))).toBe('code_locked');
  });

  it('counts tries atomically: 10 parallel wrong guesses never allow a sixth', async () => {
    const phone = randomTestPhone();
    const now = at('2026-11-25T10:00:00+08:00');
    const { code } = await issueCode(phone, ip, now, { elder: false });
    const wrong = code === '999999' ? '888888' : '999999';
    await Promise.all(Array.from({ length: 10 }, () => codeError(verifyCode(phone, wrong, ip, now))));
    expect(await codeError(verifyCode(phone, code, ip, now))).toBe('code_locked');
  });

  it('a new code replaces the previous one', async () => {
    const phone = randomTestPhone();
    const now = at('2026-11-25T10:00:00+08:00');
    const first = await issueCode(phone, ip, now, { elder: false });
    const second = await issueCode(phone, ip, now, { elder: false });
    if (first.code !== second.code) expect(await codeError(verifyCode(phone, first.code, ip, now))).toBe('code_invalid');
    await verifyCode(phone, second.code, ip, now);
  });

  it('allows at most 5 codes per phone per hour', async () => {
    const phone = randomTestPhone();
    const now = at('2026-11-25T11:00:00+08:00');
    for (let i = 0; i < OTP_MAX_PER_PHONE_PER_HOUR; i++) await issueCode(phone, ip, now, { elder: false });
    expect(await codeError(issueCode(phone, ip, now, { elder: false }))).toBe('rate_limited');
    const nextHour = new Date(now.getTime() + 3_600_000);
    await expect(issueCode(phone, ip, nextHour, { elder: false })).resolves.toHaveProperty('code');
  });
});
