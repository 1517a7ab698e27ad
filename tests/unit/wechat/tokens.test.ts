import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { weChatOfficialAccountConfigSchema, type WeChatOfficialAccountConfig } from '@/lib/wechat/config';
import {
  accessTokenKey,
  getAccessToken,
  getJsapiTicket,
  jsapiTicketKey,
  type WeChatTokenCache,
} from '@/lib/wechat/tokens';
import { startWeChatMpGateway, type WeChatMpGateway } from '@/tests/support/gateways/wechat-mp-gateway';

// Stands in for the PostgreSQL-backed cache the app provides.
function memoryCache(): WeChatTokenCache & { entries: Map<string, { value: string; expiresAt: Date }> } {
  const entries = new Map<string, { value: string; expiresAt: Date }>();
  return {
    entries,
    get: async (key, now) => {
      const entry = entries.get(key);
      return entry !== undefined && entry.expiresAt > now ? entry.value : null;
    },
    set: async (key, value, expiresAt) => {
      entries.set(key, { value, expiresAt });
    },
    delete: async (key) => {
      entries.delete(key);
    },
  };
}

const now = new Date('2024-11-15T09:30:00Z');
let gateway: WeChatMpGateway;
let config: WeChatOfficialAccountConfig;
let cache: ReturnType<typeof memoryCache>;

beforeAll(async () => {
  gateway = await startWeChatMpGateway({ appId: 'wx1234567890abcdef', appSecret: 'secret-of-the-account' });
  config = weChatOfficialAccountConfigSchema.parse({
    appId: 'wx1234567890abcdef',
    appSecret: 'secret-of-the-account',
    apiBaseUrl: gateway.url,
  });
});

afterAll(async () => {
  await gateway.close();
});

beforeEach(() => {
  cache = memoryCache();
  gateway.calls.length = 0;
});

describe('access_token and jsapi_ticket through the shared cache', () => {
  it('fetches once, stores with an early expiry and serves later calls from the cache', async () => {
    const ticket = await getJsapiTicket(config, cache, now);
    expect(ticket).toMatch(/^TICKET_/);
    expect(gateway.calls).toEqual(['/cgi-bin/token', '/cgi-bin/ticket/getticket']);
    // 7,200 s granted, refreshed 300 s early
    expect(cache.entries.get(jsapiTicketKey(config.appId))?.expiresAt).toEqual(new Date(now.getTime() + 6_900_000));
    expect(cache.entries.get(accessTokenKey(config.appId))?.value).toBe(gateway.currentAccessToken);

    expect(await getJsapiTicket(config, cache, new Date(now.getTime() + 6_899_000))).toBe(ticket);
    expect(gateway.calls).toHaveLength(2);
  });

  it('fetches again once the cached entries expire', async () => {
    await getJsapiTicket(config, cache, now);
    const later = new Date(now.getTime() + 6_900_000);
    const renewed = await getJsapiTicket(config, cache, later);
    expect(renewed).toMatch(/^TICKET_/);
    expect(gateway.calls).toEqual(['/cgi-bin/token', '/cgi-bin/ticket/getticket', '/cgi-bin/token', '/cgi-bin/ticket/getticket']);
  });

  it('replaces a cached access_token that another server has retired', async () => {
    await getAccessToken(config, cache, now);
    gateway.rotateAccessToken();
    const ticket = await getJsapiTicket(config, cache, now);
    expect(ticket).toMatch(/^TICKET_/);
    expect(gateway.calls).toEqual(['/cgi-bin/token', '/cgi-bin/ticket/getticket', '/cgi-bin/token', '/cgi-bin/ticket/getticket']);
    expect(cache.entries.get(accessTokenKey(config.appId))?.value).toBe(gateway.currentAccessToken);
  });

  it('does not cache a failure', async () => {
    await expect(getAccessToken({ ...config, appSecret: 'wrong' }, cache, now)).rejects.toMatchObject({ code: 'api_error', errcode: 40013 });
    expect(cache.entries.size).toBe(0);
  });
});
