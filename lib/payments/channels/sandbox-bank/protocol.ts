import { createHmac, timingSafeEqual } from 'node:crypto';
import { ChannelError } from '@/lib/payments/channel';
import { assertFresh, replayKeepUntil } from '../shared/freshness';
import { unixSeconds } from '../shared/shanghai-time';

// The sandbox bank's wire protocol (银企直连 sandbox), shared by the merchant client and the
// bank's own server so the two sides cannot disagree.
//
// A message is a flat JSON object of string fields. Every message — request, reply or
// notify — carries `type`, `merchant_id`, `timestamp` (Unix seconds), `nonce` and `sign`.
// The canonical string is every field except `sign`, sorted by name, written as
// name=encodeURIComponent(value) and joined with "&"; empty values stay in (as "name=").
// Percent-encoding keeps the string unambiguous when a value holds "&" or "=".
// `sign` is the lower-case hex HMAC-SHA256 of the canonical string under the merchant's
// shared secret. A receiver refuses a timestamp more than five minutes from its clock and
// a nonce it has already seen for that merchant; replies echo the request's nonce in
// `in_reply_to`, which ties each reply to one request.
//
// Transport: requests are POSTed as JSON to {bank}/gateway and answered HTTP 200 with a
// signed reply (`type: "error"` with a code for a refusal). A request whose signature or
// timestamp does not verify gets HTTP 401 with no signed body, since the bank cannot know
// whose key to sign with. Notifies are POSTed as JSON to the merchant's notify_url, one
// fresh nonce per attempt; the merchant answers HTTP 200 with the body "OK".

export const SANDBOX_BANK_GATEWAY_PATH = '/gateway';
// The body a merchant answers a notify with; anything else makes the bank retry.
export const SANDBOX_NOTIFY_ACK = 'OK';

export type SandboxFields = Readonly<Record<string, string>>;

const FIELD_NAME = /^[a-z][a-z0-9_]*$/;
const NONCE = /^[A-Za-z0-9]{16,64}$/;
const SIGNATURE = /^[0-9a-f]{64}$/;

export function canonicaliseSandboxMessage(fields: SandboxFields): string {
  return Object.keys(fields)
    .filter((name) => name !== 'sign')
    .sort()
    .map((name) => {
      if (!FIELD_NAME.test(name)) throw new ChannelError('invalid_request', `Bad field name ${name}`);
      return `${name}=${encodeURIComponent(fields[name] ?? '')}`;
    })
    .join('&');
}

export function sandboxSignature(fields: SandboxFields, secret: string): string {
  return createHmac('sha256', secret).update(canonicaliseSandboxMessage(fields), 'utf8').digest('hex');
}

export interface SignOptions {
  now: Date;
  nonce: string;
}

// `fields` must hold `type` and `merchant_id`; timestamp, nonce and sign are added here.
export function signSandboxMessage(
  fields: SandboxFields,
  secret: string,
  options: SignOptions,
): Record<string, string> {
  if (!NONCE.test(options.nonce)) throw new ChannelError('invalid_request', 'A nonce is 16–64 letters or digits');
  if (!fields.type || !fields.merchant_id) {
    throw new ChannelError('invalid_request', 'A sandbox bank message needs type and merchant_id');
  }
  const unsigned = { ...fields, timestamp: String(unixSeconds(options.now)), nonce: options.nonce };
  return { ...unsigned, sign: sandboxSignature(unsigned, secret) };
}

export interface VerifiedSandboxMessage {
  fields: Record<string, string>;
  // For the receiver's nonce store: claim `key` until `keepUntil`, refuse the message if taken.
  replay: { key: string; keepUntil: Date };
}

export function verifySandboxMessage(message: unknown, secret: string, now: Date): VerifiedSandboxMessage {
  const fields = asFields(message);
  const { sign, timestamp, nonce, merchant_id: merchantId } = fields;
  if (!sign || !SIGNATURE.test(sign)) throw new ChannelError('signature_invalid', 'Missing or malformed sign');
  if (!nonce || !NONCE.test(nonce)) throw new ChannelError('signature_invalid', 'Missing or malformed nonce');
  if (!merchantId || !fields.type) throw new ChannelError('signature_invalid', 'Missing type or merchant_id');
  const seconds = assertFresh(timestamp ?? '', now);
  const expected = Buffer.from(sandboxSignature(fields, secret), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(sign, 'hex'))) {
    throw new ChannelError('signature_invalid', 'Sandbox bank signature does not verify');
  }
  return { fields, replay: { key: `sandbox-bank:${merchantId}:${nonce}`, keepUntil: replayKeepUntil(seconds) } };
}

function asFields(message: unknown): Record<string, string> {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    throw new ChannelError('signature_invalid', 'A sandbox bank message is a JSON object');
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(message)) {
    if (!FIELD_NAME.test(name) || typeof value !== 'string') {
      throw new ChannelError('signature_invalid', `Field ${name} is not a string field`);
    }
    fields[name] = value;
  }
  return fields;
}
