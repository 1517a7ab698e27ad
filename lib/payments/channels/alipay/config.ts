import { z } from 'zod';

export const ALIPAY_DEFAULT_GATEWAY_URL = 'https://openapi.alipay.com/gateway.do';

// Public-key mode (公钥模式): the app's RSA2 private key and Alipay's public key, each PEM
// or bare base64 as the Alipay console hands them out.
export const alipayConfigSchema = z.object({
  appId: z.string().min(1),
  appPrivateKeyPem: z.string().min(1),
  alipayPublicKeyPem: z.string().min(1),
  notifyUrl: z.url(),
  // The merchant's 2088… partner id; when set, a notify for another seller is refused.
  sellerId: z.string().min(1).optional(),
  gatewayUrl: z.url().default(ALIPAY_DEFAULT_GATEWAY_URL),
  timeoutMs: z.number().int().positive().default(10_000),
});

export type AlipayConfig = z.infer<typeof alipayConfigSchema>;
