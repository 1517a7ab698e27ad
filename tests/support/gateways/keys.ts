import { generateKeyPairSync, randomBytes } from 'node:crypto';

export interface RsaPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

// Fresh 2048-bit keys per test run: no real merchant key is ever needed or stored.
export function generateRsaPair(): RsaPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

// Bare base64 DER, the form Alipay's key tool hands out.
export function pemBody(pem: string): string {
  return pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
}

export function randomSerial(): string {
  return randomBytes(20).toString('hex').toUpperCase();
}

export function randomAlnum(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');
}
