import { randomBytes } from 'node:crypto';

// 32 upper-case hex characters: inside every channel's nonce alphabet and length limit.
export function randomNonce(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}
