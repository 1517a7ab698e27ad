import { createCipheriv, createDecipheriv } from 'node:crypto';
import { ChannelError } from '@/lib/payments/channel';

export const WECHATPAY_AEAD_ALGORITHM = 'AEAD_AES_256_GCM';
const TAG_LENGTH = 16;

export interface EncryptedResource {
  algorithm: string;
  ciphertext: string;
  nonce: string;
  associated_data?: string | undefined;
}

// WeChat Pay appends the 16-byte GCM tag to the ciphertext before base64-encoding it.
export function decryptResource(resource: EncryptedResource, apiV3Key: string): string {
  if (resource.algorithm !== WECHATPAY_AEAD_ALGORITHM) {
    throw new ChannelError('decrypt_failed', `Unsupported algorithm ${resource.algorithm}`);
  }
  const sealed = Buffer.from(resource.ciphertext, 'base64');
  if (sealed.length < TAG_LENGTH) throw new ChannelError('decrypt_failed', 'Ciphertext too short');
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      Buffer.from(apiV3Key, 'utf8'),
      Buffer.from(resource.nonce, 'utf8'),
    );
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_LENGTH));
    const plain = Buffer.concat([
      decipher.update(sealed.subarray(0, sealed.length - TAG_LENGTH)),
      decipher.final(),
    ]);
    return plain.toString('utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ChannelError('decrypt_failed', `The resource did not decrypt: ${reason}`);
  }
}

export function encryptResource(
  plaintext: string,
  apiV3Key: string,
  nonce: string,
  associatedData: string,
): EncryptedResource {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    algorithm: WECHATPAY_AEAD_ALGORITHM,
    ciphertext: Buffer.concat([body, cipher.getAuthTag()]).toString('base64'),
    nonce,
    associated_data: associatedData,
  };
}
