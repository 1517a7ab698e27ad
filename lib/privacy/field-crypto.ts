import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Personal data at rest: AES-256-GCM with a key id stored beside each value so keys can rotate,
 * plus a keyed hash (HMAC-SHA256) for exact lookup without decrypting. Stored form:
 * `v1.<keyId>.<iv b64url>.<ciphertext+tag b64url>`.
 */
export interface PiiKeyring {
  activeKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
  hmacKey: Buffer;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function encryptField(plain: string, ring: PiiKeyring): string {
  const key = ring.keys.get(ring.activeKeyId);
  if (!key) throw new Error(`PII key ${ring.activeKeyId} is not configured`);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  // The key id is bound as associated data, so a value cannot be moved under another key's label.
  cipher.setAAD(Buffer.from(ring.activeKeyId));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, ring.activeKeyId, iv.toString('base64url'), body.toString('base64url')].join('.');
}

export function decryptField(stored: string, ring: PiiKeyring): string {
  const [version, keyId, ivText, bodyText] = stored.split('.');
  if (version !== VERSION || !keyId || !ivText || !bodyText) throw new Error('Not an encrypted field');
  const key = ring.keys.get(keyId);
  if (!key) throw new Error(`PII key ${keyId} is not configured`);
  const body = Buffer.from(bodyText, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivText, 'base64url'));
  decipher.setAAD(Buffer.from(keyId));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
}

/** The key id a stored value was encrypted under (for re-encryption after a rotation). */
export function fieldKeyId(stored: string): string | undefined {
  return stored.split('.')[1];
}

export function blindIndex(value: string, ring: PiiKeyring, purpose: string): string {
  // The purpose separates index spaces: a phone hash never equals an ID-number hash.
  return createHmac('sha256', ring.hmacKey).update(`${purpose}\u0000${value}`).digest('base64url');
}

/** Parses `PII_KEYS` ("id:base64key,id2:base64key"), `PII_ACTIVE_KEY_ID` and `PII_HMAC_KEY`. */
export function parseKeyring(keys: string, activeKeyId: string, hmacKey: string): PiiKeyring {
  const map = new Map<string, Buffer>();
  for (const entry of keys.split(',').map((s) => s.trim()).filter(Boolean)) {
    const sep = entry.indexOf(':');
    const id = entry.slice(0, sep);
    const key = Buffer.from(entry.slice(sep + 1), 'base64');
    if (sep <= 0 || !/^[A-Za-z0-9_-]+$/.test(id)) throw new Error(`PII_KEYS entry "${id}" needs the form id:base64key`);
    if (key.length !== 32) throw new Error(`PII key ${id} must be 32 bytes (base64), got ${key.length}`);
    map.set(id, key);
  }
  if (!map.has(activeKeyId)) throw new Error(`PII_ACTIVE_KEY_ID "${activeKeyId}" is not among PII_KEYS`);
  const hmac = Buffer.from(hmacKey, 'base64');
  if (hmac.length < 32) throw new Error('PII_HMAC_KEY must be at least 32 bytes (base64)');
  return { activeKeyId, keys: map, hmacKey: hmac };
}
