import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ChannelId } from '@/lib/payments/channel';
import type { ChannelConfigs } from '@/lib/payments/channels/registry';
import { alipayConfigSchema } from '@/lib/payments/channels/alipay/config';
import { sandboxBankConfigSchema } from '@/lib/payments/channels/sandbox-bank/config';
import { weChatPayConfigSchema } from '@/lib/payments/channels/wechatpay/config';
import { weChatOfficialAccountConfigSchema, type WeChatOfficialAccountConfig } from '@/lib/wechat/config';

/**
 * Payment channels from the environment, read once by lib/env.ts. A channel exists only when
 * configured; keys and certificates are named by file path so they never sit in the environment.
 */
export const PAYMENT_ENV_SHAPE = {
  /** The built-in sandbox bank: on by default in demo mode, never offered when 0. */
  SANDBOX_BANK: z.enum(['0', '1']).optional(),
  SANDBOX_BANK_MERCHANT_ID: z.string().min(1).default('NX-SANDBOX-0001'),
  /** HMAC key shared with the sandbox bank; derived from AUTH_SECRET when not given. */
  SANDBOX_BANK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Where the sandbox bank listens; default PUBLIC_ORIGIN (or https://localhost:HTTPS_PORT)/sandbox-bank. */
  SANDBOX_BANK_URL: z.url().optional(),
  WECHATPAY_MCH_ID: z.string().min(1).optional(),
  WECHATPAY_APP_ID: z.string().min(1).optional(),
  WECHATPAY_SERIAL_NO: z.string().min(1).optional(),
  WECHATPAY_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  WECHATPAY_API_V3_KEY: z.string().optional(),
  /** serial=path[,serial=path…]: platform certificates or WeChat Pay public keys. */
  WECHATPAY_PLATFORM_KEYS: z.string().min(1).optional(),
  WECHATPAY_BASE_URL: z.url().optional(),
  ALIPAY_APP_ID: z.string().min(1).optional(),
  ALIPAY_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  ALIPAY_PUBLIC_KEY_FILE: z.string().min(1).optional(),
  ALIPAY_SELLER_ID: z.string().min(1).optional(),
  ALIPAY_GATEWAY_URL: z.url().optional(),
  WECHAT_MP_APP_ID: z.string().min(1).optional(),
  WECHAT_MP_APP_SECRET: z.string().min(1).optional(),
  WECHAT_MP_API_BASE_URL: z.url().optional(),
  WECHAT_MP_AUTHORIZE_BASE_URL: z.url().optional(),
  /** How long a channel accepts payment of one trade (under the last scheduled query, 120 min). */
  PAYMENT_LIMIT_MINUTES: z.coerce.number().int().min(5).max(90).default(15),
};

type PaymentEnvInput = z.infer<z.ZodObject<typeof PAYMENT_ENV_SHAPE>> & {
  AUTH_SECRET: string;
  PUBLIC_ORIGIN?: string | undefined;
  HTTPS_PORT: number;
};

export interface PaymentSettings {
  /** The origin residents and channels reach Nuanxin at. */
  origin: string;
  channels: ChannelConfigs;
  offered: ChannelId[];
  officialAccount: WeChatOfficialAccountConfig | null;
  limitMinutes: number;
  /** Origins a payment form may be posted to (CSP form-action). */
  formActionOrigins: string[];
  sandboxBank: { merchantId: string; secret: string; publicUrl: string } | null;
}

function readKey(variable: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${variable}: cannot read ${file} (${reason})`);
  }
}

/** A group of variables is all set (the channel is on), all unset (off), or a clear error. */
function requireAll<K extends string>(group: string, values: Record<K, string | undefined>): Record<K, string> | null {
  const entries = Object.entries(values) as [K, string | undefined][];
  const missing = entries.filter(([, v]) => v === undefined).map(([k]) => k);
  if (missing.length === entries.length) return null;
  if (missing.length > 0) throw new Error(`${group} is partly configured: also set ${missing.join(', ')}`);
  return Object.fromEntries(entries) as Record<K, string>;
}

export function paymentSettings(env: PaymentEnvInput, demo: boolean): PaymentSettings {
  const origin = (env.PUBLIC_ORIGIN ?? `https://localhost:${env.HTTPS_PORT}`).replace(/\/+$/, '');
  const notifyUrl = (id: ChannelId) => `${origin}/api/payments/notify/${id}`;
  const channels: ChannelConfigs = {};
  let sandboxBank: PaymentSettings['sandboxBank'] = null;

  if ((env.SANDBOX_BANK ?? (demo ? '1' : '0')) === '1') {
    // A derived secret keeps demo set-up to zero steps; production sets its own or turns it off.
    const secret = env.SANDBOX_BANK_SECRET ?? createHmac('sha256', env.AUTH_SECRET).update('sandbox-bank').digest('hex');
    const publicUrl = `${origin}/sandbox-bank`;
    channels.sandboxBank = sandboxBankConfigSchema.parse({
      merchantId: env.SANDBOX_BANK_MERCHANT_ID,
      secret,
      baseUrl: env.SANDBOX_BANK_URL ?? publicUrl,
      notifyUrl: notifyUrl('sandbox-bank'),
      refundNotifyUrl: `${notifyUrl('sandbox-bank')}/refund`,
      timeoutMs: 5_000,
    });
    sandboxBank = { merchantId: env.SANDBOX_BANK_MERCHANT_ID, secret, publicUrl };
  }

  const mp = requireAll('The WeChat official account', { WECHAT_MP_APP_ID: env.WECHAT_MP_APP_ID, WECHAT_MP_APP_SECRET: env.WECHAT_MP_APP_SECRET });
  const officialAccount = mp
    ? weChatOfficialAccountConfigSchema.parse({
        appId: mp.WECHAT_MP_APP_ID,
        appSecret: mp.WECHAT_MP_APP_SECRET,
        ...(env.WECHAT_MP_API_BASE_URL ? { apiBaseUrl: env.WECHAT_MP_API_BASE_URL } : {}),
        ...(env.WECHAT_MP_AUTHORIZE_BASE_URL ? { authorizeBaseUrl: env.WECHAT_MP_AUTHORIZE_BASE_URL } : {}),
      })
    : null;

  const wx = requireAll('WeChat Pay', {
    WECHATPAY_MCH_ID: env.WECHATPAY_MCH_ID,
    WECHATPAY_SERIAL_NO: env.WECHATPAY_SERIAL_NO,
    WECHATPAY_PRIVATE_KEY_FILE: env.WECHATPAY_PRIVATE_KEY_FILE,
    WECHATPAY_API_V3_KEY: env.WECHATPAY_API_V3_KEY,
    WECHATPAY_PLATFORM_KEYS: env.WECHATPAY_PLATFORM_KEYS,
  });
  if (wx) {
    const appId = env.WECHATPAY_APP_ID ?? officialAccount?.appId;
    if (!appId) throw new Error('WeChat Pay needs WECHATPAY_APP_ID or WECHAT_MP_APP_ID (the JSAPI payer’s official account)');
    const platformPublicKeys = Object.fromEntries(
      wx.WECHATPAY_PLATFORM_KEYS.split(',').map((pair) => {
        const [serial, file] = pair.split('=').map((s) => s.trim());
        if (!serial || !file) throw new Error('WECHATPAY_PLATFORM_KEYS: write serial=path[,serial=path…]');
        return [serial, readKey('WECHATPAY_PLATFORM_KEYS', file)];
      }),
    );
    channels.wechatpay = weChatPayConfigSchema.parse({
      mchId: wx.WECHATPAY_MCH_ID,
      appId,
      merchantSerialNo: wx.WECHATPAY_SERIAL_NO,
      merchantPrivateKeyPem: readKey('WECHATPAY_PRIVATE_KEY_FILE', wx.WECHATPAY_PRIVATE_KEY_FILE),
      apiV3Key: wx.WECHATPAY_API_V3_KEY,
      platformPublicKeys,
      notifyUrl: notifyUrl('wechatpay'),
      refundNotifyUrl: `${notifyUrl('wechatpay')}/refund`,
      ...(env.WECHATPAY_BASE_URL ? { baseUrl: env.WECHATPAY_BASE_URL } : {}),
    });
  }

  const ali = requireAll('Alipay', {
    ALIPAY_APP_ID: env.ALIPAY_APP_ID,
    ALIPAY_PRIVATE_KEY_FILE: env.ALIPAY_PRIVATE_KEY_FILE,
    ALIPAY_PUBLIC_KEY_FILE: env.ALIPAY_PUBLIC_KEY_FILE,
  });
  if (ali) {
    channels.alipay = alipayConfigSchema.parse({
      appId: ali.ALIPAY_APP_ID,
      appPrivateKeyPem: readKey('ALIPAY_PRIVATE_KEY_FILE', ali.ALIPAY_PRIVATE_KEY_FILE),
      alipayPublicKeyPem: readKey('ALIPAY_PUBLIC_KEY_FILE', ali.ALIPAY_PUBLIC_KEY_FILE),
      notifyUrl: notifyUrl('alipay'),
      ...(env.ALIPAY_SELLER_ID ? { sellerId: env.ALIPAY_SELLER_ID } : {}),
      ...(env.ALIPAY_GATEWAY_URL ? { gatewayUrl: env.ALIPAY_GATEWAY_URL } : {}),
    });
  }

  const offered: ChannelId[] = [];
  if (channels.wechatpay) offered.push('wechatpay');
  if (channels.alipay) offered.push('alipay');
  if (channels.sandboxBank) offered.push('sandbox-bank');
  return {
    origin,
    channels,
    offered,
    officialAccount,
    limitMinutes: env.PAYMENT_LIMIT_MINUTES,
    // Alipay's cashier is reached by posting a signed form to its gateway.
    formActionOrigins: channels.alipay ? [new URL(channels.alipay.gatewayUrl).origin] : [],
    sandboxBank,
  };
}
