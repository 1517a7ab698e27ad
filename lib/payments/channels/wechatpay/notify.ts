import type { KeyObject } from 'node:crypto';
import { ChannelError, type NotifyRequest, type ReplayGuard } from '@/lib/payments/channel';
import { assertFresh, replayKeepUntil } from '../shared/freshness';
import { parseJsonAs } from '../shared/parse';
import { decryptResource } from './aead';
import { notifyEnvelopeSchema, type NotifyEnvelope } from './schemas';
import { readSignedHeaders, verifySignedHeaders } from './verify-headers';

export interface NotifyKeys {
  platformKeys: ReadonlyMap<string, KeyObject>;
  apiV3Key: string;
  replayGuard?: ReplayGuard | undefined;
}

export interface OpenedNotify {
  envelope: NotifyEnvelope;
  plaintext: string;
}

// Signature first, then decryption: the resource is only trusted once both hold. The nonce
// is claimed only after the signature verifies, so forgeries cannot burn real nonces.
export async function openNotify(request: NotifyRequest, keys: NotifyKeys, now: Date): Promise<OpenedNotify> {
  const signed = readSignedHeaders(request.headers);
  if (signed === null) throw new ChannelError('signature_invalid', 'Wechatpay-* headers are missing');
  const timestamp = assertFresh(signed.timestamp, now);
  verifySignedHeaders(signed, request.body, keys.platformKeys);
  if (keys.replayGuard !== undefined) {
    const fresh = await keys.replayGuard.claim(`wechatpay:${signed.nonce}`, replayKeepUntil(timestamp));
    if (!fresh) throw new ChannelError('replayed', 'This notify nonce was already used');
  }
  const envelope = parseJsonAs(notifyEnvelopeSchema, request.body, 'WeChat Pay notify');
  const plaintext = decryptResource(envelope.resource, keys.apiV3Key);
  return { envelope, plaintext };
}
