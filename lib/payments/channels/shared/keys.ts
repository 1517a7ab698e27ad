import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';

// Merchant consoles hand out keys either as PEM or as bare base64 DER (Alipay's key tool
// does the latter), so both are accepted.
export function loadPrivateKey(text: string): KeyObject {
  const trimmed = text.trim();
  if (trimmed.includes('-----BEGIN')) return createPrivateKey(trimmed);
  const der = Buffer.from(trimmed.replace(/\s+/g, ''), 'base64');
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

// A WeChat Pay platform "key" may be a certificate (platform certificate mode) or a bare
// public key (WeChat Pay public key mode); both yield the same verifying key.
export function loadPublicKey(text: string): KeyObject {
  const trimmed = text.trim();
  if (trimmed.includes('-----BEGIN CERTIFICATE')) return new X509Certificate(trimmed).publicKey;
  if (trimmed.includes('-----BEGIN')) return createPublicKey(trimmed);
  const der = Buffer.from(trimmed.replace(/\s+/g, ''), 'base64');
  return createPublicKey({ key: der, format: 'der', type: 'spki' });
}
