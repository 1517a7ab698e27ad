import { createCipheriv } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptResource, encryptResource } from '@/lib/payments/channels/wechatpay/aead';

const apiV3Key = 'B8C3D7E1F2A4B6C8D0E2F4A6B8C0D2E4'; // 32 ASCII bytes
const nonce = '46b2f2e9c3a1'; // 12 ASCII bytes, as WeChat Pay sends
const associatedData = 'transaction';
const plaintext = '{"out_trade_no":"NX20241115000001","trade_state":"SUCCESS","amount":{"total":24000}}';

// Sealed with OpenSSL directly, so the vector does not come from the code under test.
function sealIndependently(key: string, iv: string, aad: string, text: string): string {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key), Buffer.from(iv));
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([body, cipher.getAuthTag()]).toString('base64');
}

const resource = {
  algorithm: 'AEAD_AES_256_GCM',
  ciphertext: sealIndependently(apiV3Key, nonce, associatedData, plaintext),
  nonce,
  associated_data: associatedData,
};

describe('AEAD_AES_256_GCM notify resources', () => {
  it('decrypts a resource sealed with the APIv3 key', () => {
    expect(decryptResource(resource, apiV3Key)).toBe(plaintext);
  });

  it('seals exactly as WeChat Pay does (ciphertext followed by the tag)', () => {
    expect(encryptResource(plaintext, apiV3Key, nonce, associatedData).ciphertext).toBe(resource.ciphertext);
  });

  it.each([
    ['another APIv3 key', { ...resource }, 'A'.repeat(32)],
    ['other associated data', { ...resource, associated_data: 'refund' }, apiV3Key],
    ['another nonce', { ...resource, nonce: '46b2f2e9c3a2' }, apiV3Key],
    ['a flipped ciphertext byte', { ...resource, ciphertext: flipFirstByte(resource.ciphertext) }, apiV3Key],
    ['a truncated ciphertext', { ...resource, ciphertext: 'AAAA' }, apiV3Key],
    ['another algorithm', { ...resource, algorithm: 'AEAD_SM4_GCM' }, apiV3Key],
  ])('refuses %s', (_label, tampered, key) => {
    expect(() => decryptResource(tampered, key)).toThrow(expect.objectContaining({ code: 'decrypt_failed' }));
  });

  it('round-trips any text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 0, maxLength: 40 }), (text, aad) => {
        const sealed = encryptResource(text, apiV3Key, nonce, aad);
        expect(decryptResource(sealed, apiV3Key)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});

function flipFirstByte(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}
