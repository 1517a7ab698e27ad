import { z } from 'zod';

// The official account (公众号) Nuanxin runs under: used for snsapi_base OAuth (the payer's
// openid for WeChat Pay JSAPI) and for the JS-SDK (voice input inside WeChat).
export const weChatOfficialAccountConfigSchema = z.object({
  appId: z.string().min(1),
  appSecret: z.string().min(1),
  apiBaseUrl: z.url().default('https://api.weixin.qq.com'),
  authorizeBaseUrl: z.url().default('https://open.weixin.qq.com'),
  timeoutMs: z.number().int().positive().default(10_000),
});

export type WeChatOfficialAccountConfig = z.infer<typeof weChatOfficialAccountConfigSchema>;
