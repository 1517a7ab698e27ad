import { sign, verify, type KeyObject } from 'node:crypto';

export const WECHATPAY_AUTH_SCHEME = 'WECHATPAY2-SHA256-RSA2048';

// Every WeChat Pay v3 signature covers its parts each followed by a newline.
export function signatureMessage(parts: readonly string[]): string {
  return parts.map((part) => `${part}\n`).join('');
}

export function signSha256Rsa(message: string, privateKey: KeyObject): string {
  return sign('sha256', Buffer.from(message, 'utf8'), privateKey).toString('base64');
}

export function verifySha256Rsa(message: string, signature: string, publicKey: KeyObject): boolean {
  const bytes = Buffer.from(signature, 'base64');
  if (bytes.length === 0) return false;
  return verify('sha256', Buffer.from(message, 'utf8'), publicKey, bytes);
}

export interface AuthorizationInput {
  mchId: string;
  serialNo: string;
  privateKey: KeyObject;
  method: string;
  // Path and query of the request, without scheme and host.
  canonicalUrl: string;
  body: string;
  timestamp: string;
  nonce: string;
}

export function buildAuthorization(input: AuthorizationInput): string {
  const message = signatureMessage([
    input.method,
    input.canonicalUrl,
    input.timestamp,
    input.nonce,
    input.body,
  ]);
  const signature = signSha256Rsa(message, input.privateKey);
  return (
    `${WECHATPAY_AUTH_SCHEME} mchid="${input.mchId}",nonce_str="${input.nonce}",` +
    `signature="${signature}",timestamp="${input.timestamp}",serial_no="${input.serialNo}"`
  );
}

export interface AuthorizationFields {
  mchid: string;
  nonce_str: string;
  signature: string;
  timestamp: string;
  serial_no: string;
}

// The gateway side of the same header, used by the local stand-in and kept beside the
// builder so the two cannot drift apart.
export function parseAuthorization(header: string): AuthorizationFields | null {
  const prefix = `${WECHATPAY_AUTH_SCHEME} `;
  if (!header.startsWith(prefix)) return null;
  const fields = new Map<string, string>();
  for (const match of header.slice(prefix.length).matchAll(/(\w+)="([^"]*)"/g)) {
    const [, key, value] = match;
    if (key !== undefined && value !== undefined) fields.set(key, value);
  }
  const mchid = fields.get('mchid');
  const nonce = fields.get('nonce_str');
  const signature = fields.get('signature');
  const timestamp = fields.get('timestamp');
  const serial = fields.get('serial_no');
  if (!mchid || !nonce || !signature || !timestamp || !serial) return null;
  return { mchid, nonce_str: nonce, signature, timestamp, serial_no: serial };
}
