import { z } from 'zod';

export const sandboxBankConfigSchema = z.object({
  merchantId: z.string().min(1),
  // HMAC key shared with the bank; 32 bytes at least so it cannot be guessed offline.
  secret: z.string().refine((s) => Buffer.byteLength(s, 'utf8') >= 32, { message: 'At least 32 bytes' }),
  // Where the bank listens, e.g. https://nuanxin.example/sandbox-bank
  baseUrl: z.url(),
  notifyUrl: z.url(),
  refundNotifyUrl: z.url(),
  timeoutMs: z.number().int().positive().default(10_000),
});

export type SandboxBankConfig = z.infer<typeof sandboxBankConfigSchema>;
