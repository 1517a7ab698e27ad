import { randomBytes } from 'node:crypto';
import { startServer, type IncomingRequest, type OutgoingReply } from './http-server';

// A local stand-in for api.weixin.qq.com: OAuth code exchange, access_token and
// jsapi_ticket, answering errors the way WeChat does (HTTP 200 with errcode).

export interface WeChatMpGatewayOptions {
  appId: string;
  appSecret: string;
}

export interface WeChatMpGateway {
  url: string;
  // code → openid; a code works once, as in WeChat.
  codes: Map<string, { openid: string; snapshot?: boolean }>;
  calls: string[];
  currentAccessToken: string | null;
  // Retires the current access_token as if another server had fetched a new one.
  rotateAccessToken(): void;
  close(): Promise<void>;
}

const json = (payload: unknown): OutgoingReply => ({
  status: 200,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(payload),
});

export async function startWeChatMpGateway(options: WeChatMpGatewayOptions): Promise<WeChatMpGateway> {
  const codes = new Map<string, { openid: string; snapshot?: boolean }>();
  const calls: string[] = [];
  const state = { token: null as string | null };

  function handle(request: IncomingRequest): OutgoingReply {
    const url = new URL(request.target, 'http://stand-in');
    const q = url.searchParams;
    calls.push(url.pathname);
    if (url.pathname === '/sns/oauth2/access_token') {
      if (q.get('appid') !== options.appId || q.get('secret') !== options.appSecret) {
        return json({ errcode: 40125, errmsg: 'invalid appsecret' });
      }
      const grant = codes.get(q.get('code') ?? '');
      if (q.get('grant_type') !== 'authorization_code' || grant === undefined) {
        return json({ errcode: 40029, errmsg: 'invalid code' });
      }
      codes.delete(q.get('code') ?? '');
      return json({
        access_token: randomBytes(16).toString('hex'),
        expires_in: 7200,
        refresh_token: randomBytes(16).toString('hex'),
        openid: grant.openid,
        scope: 'snsapi_base',
        ...(grant.snapshot ? { is_snapshotuser: 1 } : {}),
      });
    }
    if (url.pathname === '/cgi-bin/token') {
      if (q.get('grant_type') !== 'client_credential' || q.get('appid') !== options.appId || q.get('secret') !== options.appSecret) {
        return json({ errcode: 40013, errmsg: 'invalid appid' });
      }
      state.token = `AT_${randomBytes(12).toString('hex')}`;
      return json({ access_token: state.token, expires_in: 7200 });
    }
    if (url.pathname === '/cgi-bin/ticket/getticket') {
      if (q.get('type') !== 'jsapi') return json({ errcode: 40097, errmsg: 'invalid args' });
      if (state.token === null || q.get('access_token') !== state.token) {
        return json({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      }
      return json({ errcode: 0, errmsg: 'ok', ticket: `TICKET_${randomBytes(12).toString('hex')}`, expires_in: 7200 });
    }
    return { status: 404, body: '' };
  }

  const server = await startServer(handle);
  return {
    url: server.url,
    codes,
    calls,
    get currentAccessToken() {
      return state.token;
    },
    rotateAccessToken() {
      state.token = `AT_${randomBytes(12).toString('hex')}`;
    },
    close: () => server.close(),
  };
}
