import { z } from 'zod';
import type { WeChatOfficialAccountConfig } from './config';
import { WeChatApiError } from './errors';
import { getWeChatJson } from './http';

// Shared by every server process (backed by PostgreSQL in the app): WeChat limits how often
// a token may be fetched, and a new access_token retires the old one within minutes, so
// per-process memory caches would fight each other.
export interface WeChatTokenCache {
  get(key: string, now: Date): Promise<string | null>;
  set(key: string, value: string, expiresAt: Date): Promise<void>;
  delete(key: string): Promise<void>;
}

// Refresh five minutes early so a token is never used in its last moments.
const EARLY_REFRESH_SECONDS = 300;

const accessTokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });
const ticketSchema = z.object({ ticket: z.string().min(1), expires_in: z.number().positive() });

export function accessTokenKey(appId: string): string {
  return `wechat:access_token:${appId}`;
}

export function jsapiTicketKey(appId: string): string {
  return `wechat:jsapi_ticket:${appId}`;
}

function apiUrl(config: WeChatOfficialAccountConfig, path: string): URL {
  return new URL(`${config.apiBaseUrl.replace(/\/+$/, '')}${path}`);
}

function expiry(now: Date, expiresIn: number): Date {
  return new Date(now.getTime() + Math.max(expiresIn - EARLY_REFRESH_SECONDS, 60) * 1000);
}

export async function getAccessToken(
  config: WeChatOfficialAccountConfig,
  cache: WeChatTokenCache,
  now: Date,
): Promise<string> {
  const key = accessTokenKey(config.appId);
  const cached = await cache.get(key, now);
  if (cached !== null) return cached;
  const url = apiUrl(config, '/cgi-bin/token');
  url.searchParams.set('grant_type', 'client_credential');
  url.searchParams.set('appid', config.appId);
  url.searchParams.set('secret', config.appSecret);
  const answer = await getWeChatJson(url, accessTokenSchema, config.timeoutMs);
  await cache.set(key, answer.access_token, expiry(now, answer.expires_in));
  return answer.access_token;
}

export async function getJsapiTicket(
  config: WeChatOfficialAccountConfig,
  cache: WeChatTokenCache,
  now: Date,
): Promise<string> {
  const key = jsapiTicketKey(config.appId);
  const cached = await cache.get(key, now);
  if (cached !== null) return cached;
  const ticket = await fetchTicket(config, cache, now).catch(async (error: unknown) => {
    // Another process may have fetched a new access_token, retiring ours: fetch once more.
    if (!(error instanceof WeChatApiError) || error.code !== 'invalid_token') throw error;
    await cache.delete(accessTokenKey(config.appId));
    return fetchTicket(config, cache, now);
  });
  await cache.set(key, ticket.ticket, expiry(now, ticket.expires_in));
  return ticket.ticket;
}

async function fetchTicket(
  config: WeChatOfficialAccountConfig,
  cache: WeChatTokenCache,
  now: Date,
): Promise<z.infer<typeof ticketSchema>> {
  const url = apiUrl(config, '/cgi-bin/ticket/getticket');
  url.searchParams.set('access_token', await getAccessToken(config, cache, now));
  url.searchParams.set('type', 'jsapi');
  return getWeChatJson(url, ticketSchema, config.timeoutMs);
}
