import { z } from 'zod';
import { ChannelError, type ChannelErrorCode } from '@/lib/payments/channel';
import { sendHttp } from '../shared/http';
import { parseAs, parseJsonAs } from '../shared/parse';
import type { SandboxBankConfig } from './config';
import { errorReplySchema, type SandboxErrorCode } from './messages';
import { SANDBOX_BANK_GATEWAY_PATH, signSandboxMessage, verifySandboxMessage } from './protocol';

export interface SandboxBankContext {
  config: SandboxBankConfig;
  nonce: () => string;
}

const ERROR_CODES: Readonly<Record<SandboxErrorCode, ChannelErrorCode>> = {
  NOT_FOUND: 'not_found',
  SIGNATURE_INVALID: 'gateway_error',
  STALE: 'gateway_error',
  REPLAYED: 'gateway_error',
  INVALID_REQUEST: 'gateway_error',
  REFUND_EXCEEDS: 'gateway_error',
  CONFLICT: 'gateway_error',
};

// Sends one signed request and returns the verified reply's fields. A reply must be signed
// by the bank, for this merchant, and answer this very request (in_reply_to = our nonce),
// so an old reply cannot be replayed at us.
export async function callSandboxBank(
  ctx: SandboxBankContext,
  fields: Readonly<Record<string, string>>,
  now: Date,
): Promise<Record<string, string>> {
  const request = signSandboxMessage({ ...fields, merchant_id: ctx.config.merchantId }, ctx.config.secret, {
    now,
    nonce: ctx.nonce(),
  });
  const reply = await sendHttp({
    method: 'POST',
    url: ctx.config.baseUrl.replace(/\/+$/, '') + SANDBOX_BANK_GATEWAY_PATH,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(request),
    timeoutMs: ctx.config.timeoutMs,
  });
  if (reply.status !== 200) {
    throw new ChannelError('gateway_error', `Sandbox bank answered HTTP ${reply.status}`, { status: reply.status });
  }
  const body = parseJsonAs(z.unknown(), reply.body, 'Sandbox bank reply');
  const { fields: answer } = verifySandboxMessage(body, ctx.config.secret, now);
  if (answer.merchant_id !== ctx.config.merchantId) {
    throw new ChannelError('merchant_mismatch', 'Sandbox bank answered for another merchant');
  }
  if (answer.in_reply_to !== request.nonce) {
    throw new ChannelError('replayed', 'Sandbox bank reply does not answer this request');
  }
  if (answer.type === 'error') {
    const error = parseAs(errorReplySchema, answer, 'Sandbox bank error');
    throw new ChannelError(ERROR_CODES[error.code], `Sandbox bank refused: ${error.message}`, {
      bankCode: error.code,
    });
  }
  return answer;
}
