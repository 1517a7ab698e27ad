import { createDecipheriv, createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * Reads the session cookie next-auth issues (`encode` in @auth/core/jwt: a compact JWE, `dir`
 * key management, A256CBC-HS512, the key derived from AUTH_SECRET by HKDF-SHA256 with the cookie
 * name as salt) without next-auth's per-call cost: next-auth derives the key again and decrypts
 * through WebCrypto on every request, which costs more CPU than the whole bills query. Here the
 * key is derived once per cookie name and the token is checked and decrypted synchronously with
 * Node's crypto (RFC 7516 §5.2, RFC 7518 §5.2.2.1). Anything this reader does not recognise is
 * answered `undefined`, for the caller to hand to next-auth's own `decode`.
 */
interface Key {
  macKey: Buffer;
  encKey: Buffer;
  /** The RFC 7638 thumbprint next-auth puts in the header's `kid`. */
  kid: string;
}

/** next-auth's clock tolerance for `exp` and `nbf`, in seconds. */
const CLOCK_TOLERANCE = 15;

function deriveKey(secret: string, salt: string): Key {
  const key = Buffer.from(hkdfSync('sha256', secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64));
  const jwk = `{"k":"${key.toString('base64url')}","kty":"oct"}`;
  return { macKey: key.subarray(0, 32), encKey: key.subarray(32), kid: createHash('sha512').update(jwk).digest('base64url') };
}

export type SessionClaims = Record<string, unknown>;

/**
 * A reader for tokens issued with `secret`. It returns the claims of a valid, unexpired token,
 * null for one that is forged, tampered, expired or issued with another secret, and undefined
 * for a well-formed token in a form it does not handle (another algorithm, compression).
 */
export function sessionTokenReader(secret: string): (token: string, salt: string, nowMs?: number) => SessionClaims | null | undefined {
  const keys = new Map<string, Key>();
  return (token, salt, nowMs = Date.now()) => {
    const parts = token.split('.');
    if (parts.length !== 5) return null;
    const [protectedHeader, encryptedKey, ivPart, ciphertextPart, tagPart] = parts as [string, string, string, string, string];
    let header: unknown;
    try {
      header = JSON.parse(Buffer.from(protectedHeader, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    if (typeof header !== 'object' || header === null) return null;
    const { alg, enc, kid, zip, crit } = header as Record<string, unknown>;
    if (alg !== 'dir' || encryptedKey !== '') return null;
    if (enc !== 'A256CBC-HS512' || zip !== undefined || crit !== undefined) return undefined;

    let key = keys.get(salt);
    if (!key) keys.set(salt, (key = deriveKey(secret, salt)));
    if (kid !== undefined && kid !== key.kid) return null;

    const iv = Buffer.from(ivPart, 'base64url');
    const ciphertext = Buffer.from(ciphertextPart, 'base64url');
    const tag = Buffer.from(tagPart, 'base64url');
    if (iv.length !== 16 || tag.length !== 32 || ciphertext.length === 0 || ciphertext.length % 16 !== 0) return null;
    // The authentication tag: HMAC-SHA-512 over AAD ‖ IV ‖ ciphertext ‖ AAD length in bits, first half.
    const aad = Buffer.from(protectedHeader, 'ascii');
    const aadBits = Buffer.alloc(8);
    aadBits.writeBigUInt64BE(BigInt(aad.length) * 8n);
    const expected = createHmac('sha512', key.macKey).update(aad).update(iv).update(ciphertext).update(aadBits).digest().subarray(0, 32);
    if (!timingSafeEqual(expected, tag)) return null;

    let claims: unknown;
    try {
      const decipher = createDecipheriv('aes-256-cbc', key.encKey, iv);
      claims = JSON.parse(Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8'));
    } catch {
      return null;
    }
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) return null;
    const { exp, nbf, iat } = claims as Record<string, unknown>;
    const now = Math.floor(nowMs / 1000);
    if (exp !== undefined && (typeof exp !== 'number' || exp <= now - CLOCK_TOLERANCE)) return null;
    if (nbf !== undefined && (typeof nbf !== 'number' || nbf > now + CLOCK_TOLERANCE)) return null;
    if (iat !== undefined && typeof iat !== 'number') return null;
    return claims as SessionClaims;
  };
}
