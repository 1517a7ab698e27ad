import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { ChannelError } from '@/lib/payments/channel';
import { sendHttp } from '../shared/http';
import { parseAs, parseJsonAs } from '../shared/parse';
import { formatShanghaiDateTime } from '../shared/shanghai-time';
import type { AlipayConfig } from './config';
import { topLevelMembers } from './response-text';
import { rsa2Verify, signRequestParams } from './signature';

export interface AlipayContext {
  config: AlipayConfig;
  appKey: KeyObject;
  alipayKey: KeyObject;
}

const SUCCESS_CODE = '10000';
const NOT_FOUND_SUB_CODES = new Set(['ACQ.TRADE_NOT_EXIST']);

const replyHeadSchema = z.looseObject({
  code: z.string(),
  msg: z.string().optional(),
  sub_code: z.string().optional(),
  sub_msg: z.string().optional(),
});

export function commonParams(
  config: AlipayConfig,
  method: string,
  now: Date,
  bizContent: unknown,
): Record<string, string> {
  return {
    app_id: config.appId,
    method,
    format: 'JSON',
    charset: 'utf-8',
    sign_type: 'RSA2',
    timestamp: formatShanghaiDateTime(now),
    version: '1.0',
    biz_content: JSON.stringify(bizContent),
  };
}

// Calls an openapi method and returns its verified "xxx_response" object. Only a signed
// reply may report a business outcome, including "no such trade".
export async function callAlipay(
  ctx: AlipayContext,
  method: string,
  bizContent: unknown,
  now: Date,
): Promise<Record<string, unknown>> {
  const params = signRequestParams(commonParams(ctx.config, method, now, bizContent), ctx.appKey);
  const reply = await sendHttp({
    method: 'POST',
    url: ctx.config.gatewayUrl,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8', Accept: 'application/json' },
    body: new URLSearchParams(params).toString(),
    timeoutMs: ctx.config.timeoutMs,
  });
  if (reply.status !== 200) {
    throw new ChannelError('gateway_error', `Alipay answered HTTP ${reply.status}`, { status: reply.status });
  }
  const { raw, signature } = cutResponse(reply.body, method);
  const signed = signature !== null && rsa2Verify(raw, signature, ctx.alipayKey);
  if (signature !== null && !signed) throw new ChannelError('signature_invalid', 'Alipay reply signature does not verify');
  const inner = parseAs(replyHeadSchema, JSON.parse(raw) as unknown, `Alipay ${method} reply`);
  if (inner.code === SUCCESS_CODE) {
    if (!signed) throw new ChannelError('signature_invalid', 'Alipay reply is not signed');
    return inner;
  }
  const details = { code: inner.code, subCode: inner.sub_code ?? null, verified: signed };
  const message = inner.sub_msg ?? inner.msg ?? inner.code;
  if (signed && inner.sub_code !== undefined && NOT_FOUND_SUB_CODES.has(inner.sub_code)) {
    throw new ChannelError('not_found', message, details);
  }
  throw new ChannelError('gateway_error', `Alipay refused: ${message}`, details);
}

function cutResponse(body: string, method: string): { raw: string; signature: string | null } {
  // Parsing the whole reply first guarantees every member cut from it is valid JSON.
  parseJsonAs(z.record(z.string(), z.unknown()), body, 'Alipay reply');
  const members = topLevelMembers(body);
  if (members === null) throw new ChannelError('bad_response', 'Alipay reply is not a JSON object');
  const wanted = `${method.replaceAll('.', '_')}_response`;
  const response = members.find((m) => m.key === wanted) ?? members.find((m) => m.key === 'error_response');
  if (response === undefined) throw new ChannelError('bad_response', `Alipay reply lacks ${wanted}`);
  const sign = members.find((m) => m.key === 'sign');
  const signature: unknown = sign === undefined ? null : JSON.parse(sign.raw);
  if (signature !== null && typeof signature !== 'string') {
    throw new ChannelError('bad_response', 'Alipay reply sign is not a string');
  }
  return { raw: response.raw, signature };
}
