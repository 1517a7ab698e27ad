import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { postgresTokenCache } from '@/lib/wechat/postgres-token-cache';

describe('WeChat token cache in PostgreSQL', () => {
  it('returns a token until it expires, replaces it, and forgets it on delete', async () => {
    const key = `wechat:access_token:${randomBytes(4).toString('hex')}`;
    const now = new Date('2026-11-25T10:00:00Z');
    const later = new Date('2026-11-25T11:55:00Z');
    expect(await postgresTokenCache.get(key, now)).toBeNull();
    await postgresTokenCache.set(key, 'AT_1', later);
    expect(await postgresTokenCache.get(key, now)).toBe('AT_1');
    expect(await postgresTokenCache.get(key, later)).toBeNull();
    await postgresTokenCache.set(key, 'AT_2', later);
    expect(await postgresTokenCache.get(key, now)).toBe('AT_2');
    await postgresTokenCache.delete(key);
    expect(await postgresTokenCache.get(key, now)).toBeNull();
  });
});
