import { randomBytes } from 'node:crypto';
import { decode, encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { sessionTokenReader } from '@/lib/auth/session-token';

const SALT = '__Secure-authjs.session-token';
const secret = randomBytes(32).toString('base64');
const read = sessionTokenReader(secret);

/** Flips one character of a base64url segment, keeping it valid base64url. */
function tamper(token: string, segment: number): string {
  const parts = token.split('.');
  const part = parts[segment]!;
  const at = Math.floor(part.length / 2);
  parts[segment] = part.slice(0, at) + (part[at] === 'A' ? 'B' : 'A') + part.slice(at + 1);
  return parts.join('.');
}

describe('session token reader', () => {
  it('reads exactly what next-auth issues and reads back', async () => {
    for (let i = 0; i < 20; i++) {
      const claims = { sid: crypto.randomUUID(), kind: i % 2 ? 'RESIDENT' : 'STAFF', name: '王秀兰'.repeat(i) };
      const token = await encode({ token: claims, secret, salt: SALT, maxAge: 3600 });
      const ours = read(token, SALT);
      expect(ours).toEqual(await decode({ token, secret, salt: SALT }));
      expect(ours).toMatchObject(claims);
    }
  });

  it('refuses a token changed in any part, as next-auth does', async () => {
    const token = await encode({ token: { sid: 's1', kind: 'RESIDENT' }, secret, salt: SALT });
    for (const segment of [0, 2, 3, 4]) {
      const changed = tamper(token, segment);
      expect(read(changed, SALT)).toBeNull();
      await expect(decode({ token: changed, secret, salt: SALT })).rejects.toThrow();
    }
    expect(read(`${token}.x`, SALT)).toBeNull();
    expect(read('not-a-token', SALT)).toBeNull();
    expect(read('e30....', SALT)).toBeNull();
  });

  it('refuses tokens from another secret or issued for another cookie name', async () => {
    const foreign = await encode({ token: { sid: 's1', kind: 'RESIDENT' }, secret: randomBytes(32).toString('base64'), salt: SALT });
    expect(read(foreign, SALT)).toBeNull();
    const otherCookie = await encode({ token: { sid: 's1', kind: 'RESIDENT' }, secret, salt: 'authjs.session-token' });
    expect(read(otherCookie, SALT)).toBeNull();
    expect(read(otherCookie, 'authjs.session-token')).toMatchObject({ sid: 's1' });
  });

  it('refuses an expired token once next-auth’s 15 s tolerance has passed', async () => {
    const token = await encode({ token: { sid: 's1', kind: 'RESIDENT' }, secret, salt: SALT, maxAge: 60 });
    const issued = Date.now();
    expect(read(token, SALT, issued + 60_000 + 14_000)).toMatchObject({ sid: 's1' });
    expect(read(token, SALT, issued + 60_000 + 16_000)).toBeNull();
  });

  it('leaves a form it does not handle to next-auth', () => {
    const header = Buffer.from(JSON.stringify({ alg: 'dir', enc: 'A256GCM' })).toString('base64url');
    expect(read(`${header}..AAAA.AAAA.AAAA`, SALT)).toBeUndefined();
    const other = Buffer.from(JSON.stringify({ alg: 'RSA-OAEP', enc: 'A256CBC-HS512' })).toString('base64url');
    expect(read(`${other}..AAAA.AAAA.AAAA`, SALT)).toBeNull();
  });
});
