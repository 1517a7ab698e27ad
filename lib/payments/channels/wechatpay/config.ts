import { z } from 'zod';

export const WECHATPAY_DEFAULT_BASE_URL = 'https://api.mch.weixin.qq.com';

export const weChatPayConfigSchema = z.object({
  mchId: z.string().min(1),
  // The official account (公众号) the JSAPI payer's openid belongs to.
  appId: z.string().min(1),
  merchantSerialNo: z.string().min(1),
  merchantPrivateKeyPem: z.string().min(1),
  // Used as the AES-256 key itself, so it must be exactly 32 bytes.
  apiV3Key: z.string().refine((key) => Buffer.byteLength(key, 'utf8') === 32, {
    message: 'The APIv3 key is 32 bytes',
  }),
  // Wechatpay-Serial → PEM (platform certificate or WeChat Pay public key). Several entries
  // let a certificate rotation overlap.
  platformPublicKeys: z
    .record(z.string().min(1), z.string().min(1))
    .refine((keys) => Object.keys(keys).length > 0, { message: 'At least one platform key' }),
  notifyUrl: z.url(),
  refundNotifyUrl: z.url(),
  baseUrl: z.url().default(WECHATPAY_DEFAULT_BASE_URL),
  timeoutMs: z.number().int().positive().default(10_000),
});

export type WeChatPayConfig = z.infer<typeof weChatPayConfigSchema>;
