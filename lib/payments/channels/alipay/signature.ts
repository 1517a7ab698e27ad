import { sign, verify, type KeyObject } from 'node:crypto';

export type AlipayParams = Readonly<Record<string, string | undefined>>;

// The string Alipay signs: parameters with a value, sorted by name, joined as k=v&k=v,
// values raw (not URL-encoded). Requests sign sign_type too; notifies leave it out.
export function alipaySigningString(params: AlipayParams, exclude: readonly string[]): string {
  return Object.keys(params)
    .filter((key) => !exclude.includes(key))
    .filter((key) => {
      const value = params[key];
      return value !== undefined && value !== '';
    })
    .sort()
    .map((key) => `${key}=${params[key] ?? ''}`)
    .join('&');
}

export const REQUEST_SIGN_EXCLUDES = ['sign'] as const;
export const NOTIFY_SIGN_EXCLUDES = ['sign', 'sign_type'] as const;

export function rsa2Sign(content: string, privateKey: KeyObject): string {
  return sign('sha256', Buffer.from(content, 'utf8'), privateKey).toString('base64');
}

export function rsa2Verify(content: string, signature: string, publicKey: KeyObject): boolean {
  const bytes = Buffer.from(signature, 'base64');
  if (bytes.length === 0) return false;
  return verify('sha256', Buffer.from(content, 'utf8'), publicKey, bytes);
}

export function signRequestParams(
  params: Readonly<Record<string, string>>,
  privateKey: KeyObject,
): Record<string, string> {
  return { ...params, sign: rsa2Sign(alipaySigningString(params, REQUEST_SIGN_EXCLUDES), privateKey) };
}

export function verifyRequestParams(params: AlipayParams, publicKey: KeyObject): boolean {
  const signature = params.sign;
  if (!signature) return false;
  return rsa2Verify(alipaySigningString(params, REQUEST_SIGN_EXCLUDES), signature, publicKey);
}

export function verifyNotifyParams(params: AlipayParams, publicKey: KeyObject): boolean {
  const signature = params.sign;
  if (!signature) return false;
  return rsa2Verify(alipaySigningString(params, NOTIFY_SIGN_EXCLUDES), signature, publicKey);
}

export function signNotifyParams(
  params: Readonly<Record<string, string>>,
  privateKey: KeyObject,
): Record<string, string> {
  return { ...params, sign: rsa2Sign(alipaySigningString(params, NOTIFY_SIGN_EXCLUDES), privateKey) };
}
