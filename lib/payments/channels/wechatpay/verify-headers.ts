import type { KeyObject } from 'node:crypto';
import { ChannelError } from '@/lib/payments/channel';
import { signatureMessage, verifySha256Rsa } from './signature';

export interface SignedHeaders {
  timestamp: string;
  nonce: string;
  signature: string;
  serial: string;
}

export function readSignedHeaders(headers: Headers): SignedHeaders | null {
  const timestamp = headers.get('wechatpay-timestamp');
  const nonce = headers.get('wechatpay-nonce');
  const signature = headers.get('wechatpay-signature');
  const serial = headers.get('wechatpay-serial');
  if (!timestamp || !nonce || !signature || !serial) return null;
  return { timestamp, nonce, signature, serial };
}

// Checks a gateway reply or notify against the platform key named by Wechatpay-Serial.
// WeChat Pay also sends probes signed "WECHATPAY/SIGNTEST/…" that must fail here.
export function verifySignedHeaders(
  signed: SignedHeaders,
  body: string,
  platformKeys: ReadonlyMap<string, KeyObject>,
): void {
  const key = platformKeys.get(signed.serial);
  if (key === undefined) {
    throw new ChannelError('unknown_serial', `No platform key for serial ${signed.serial}`, {
      serial: signed.serial,
    });
  }
  const message = signatureMessage([signed.timestamp, signed.nonce, body]);
  if (!verifySha256Rsa(message, signed.signature, key)) {
    throw new ChannelError('signature_invalid', 'Wechatpay-Signature does not verify');
  }
}
