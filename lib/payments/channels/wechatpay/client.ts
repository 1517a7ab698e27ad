import type { KeyObject } from 'node:crypto';
import { ChannelError } from '@/lib/payments/channel';
import { sendHttp } from '../shared/http';
import { unixSeconds } from '../shared/shanghai-time';
import type { WeChatPayConfig } from './config';
import { errorBodySchema } from './schemas';
import { buildAuthorization } from './signature';
import { readSignedHeaders, verifySignedHeaders } from './verify-headers';

export interface WeChatPayContext {
  config: WeChatPayConfig;
  merchantKey: KeyObject;
  platformKeys: ReadonlyMap<string, KeyObject>;
  nonce: () => string;
}

export interface WeChatPayCall {
  method: 'GET' | 'POST';
  // Path and query below the base URL, e.g. /v3/pay/transactions/jsapi
  path: string;
  body?: unknown;
  now: Date;
}

export interface WeChatPayReply {
  status: number;
  body: string;
}

const NOT_FOUND_CODES = new Set(['ORDER_NOT_EXIST', 'RESOURCE_NOT_EXISTS', 'NOT_FOUND']);
const USER_AGENT = 'Nuanxin/1.0';

export async function callWeChatPay(ctx: WeChatPayContext, call: WeChatPayCall): Promise<WeChatPayReply> {
  const url = new URL(ctx.config.baseUrl.replace(/\/+$/, '') + call.path);
  const body = call.body === undefined ? '' : JSON.stringify(call.body);
  const authorization = buildAuthorization({
    mchId: ctx.config.mchId,
    serialNo: ctx.config.merchantSerialNo,
    privateKey: ctx.merchantKey,
    method: call.method,
    canonicalUrl: url.pathname + url.search,
    body,
    timestamp: String(unixSeconds(call.now)),
    nonce: ctx.nonce(),
  });
  const headers: Record<string, string> = {
    Authorization: authorization,
    Accept: 'application/json',
    'User-Agent': USER_AGENT,
  };
  if (call.method === 'POST') headers['Content-Type'] = 'application/json';
  const reply = await sendHttp({
    method: call.method,
    url: url.toString(),
    headers,
    body: call.method === 'POST' ? body : undefined,
    timeoutMs: ctx.config.timeoutMs,
  });

  const signed = readSignedHeaders(reply.headers);
  const ok = reply.status >= 200 && reply.status < 300;
  if (signed !== null) {
    verifySignedHeaders(signed, reply.body, ctx.platformKeys);
  } else if (ok) {
    throw new ChannelError('signature_invalid', 'The WeChat Pay reply is not signed');
  }
  if (!ok) throw toGatewayError(reply, signed !== null);
  return { status: reply.status, body: reply.body };
}

// Only a signed refusal may say "no such order"; an unsigned one could come from anyone
// between us and the gateway.
function toGatewayError(reply: { status: number; body: string }, verified: boolean): ChannelError {
  const parsed = errorBodySchema.safeParse(safeJson(reply.body));
  const code = parsed.success ? parsed.data.code : 'UNKNOWN';
  const message = parsed.success ? (parsed.data.message ?? code) : `HTTP ${reply.status}`;
  const details = { status: reply.status, gatewayCode: code, verified };
  if (verified && (reply.status === 404 || NOT_FOUND_CODES.has(code))) {
    return new ChannelError('not_found', message, details);
  }
  return new ChannelError('gateway_error', `WeChat Pay refused: ${message}`, details);
}

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
