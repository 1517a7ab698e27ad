import { alipayConfigSchema, type AlipayConfig } from '@/lib/payments/channels/alipay/config';
import { sandboxBankConfigSchema, type SandboxBankConfig } from '@/lib/payments/channels/sandbox-bank/config';
import { weChatPayConfigSchema, type WeChatPayConfig } from '@/lib/payments/channels/wechatpay/config';
import type { ReplayGuard } from '@/lib/payments/channel';
import { startAlipayGateway, type AlipayGateway } from './alipay-gateway';
import { generateRsaPair, pemBody, randomAlnum, randomSerial, type RsaPair } from './keys';
import { startSandboxBankGateway, type SandboxBankGateway } from './sandbox-bank-gateway';
import { startWeChatPayGateway, type WeChatPayGateway } from './wechatpay-gateway';

// 2024-11-15 17:30:00 in Shanghai: the heating season, a Friday evening.
export const FIXED_NOW = new Date('2024-11-15T09:30:00Z');

export interface TestClock {
  now: Date;
  read: () => Date;
}

export function fixedClock(start: Date = FIXED_NOW): TestClock {
  const clock: TestClock = { now: start, read: () => clock.now };
  return clock;
}

// The in-memory stand-in for the PostgreSQL nonce table.
export function memoryReplayGuard(): ReplayGuard & { keys: Map<string, Date> } {
  const keys = new Map<string, Date>();
  return {
    keys,
    claim: async (key, keepUntil) => {
      if (keys.has(key)) return false;
      keys.set(key, keepUntil);
      return true;
    },
  };
}

export interface WeChatPayWorld {
  config: WeChatPayConfig;
  merchant: RsaPair;
  platform: RsaPair;
  gateway: WeChatPayGateway;
}

export async function startWeChatPayWorld(
  clock: TestClock,
  urls: { notifyUrl: string; refundNotifyUrl: string } = {
    notifyUrl: 'https://nuanxin.test/api/payments/wechatpay/notify',
    refundNotifyUrl: 'https://nuanxin.test/api/payments/wechatpay/refund-notify',
  },
): Promise<WeChatPayWorld> {
  const merchant = generateRsaPair();
  const platform = generateRsaPair();
  const merchantSerialNo = randomSerial();
  const platformSerialNo = `PUB_KEY_ID_${randomSerial()}`;
  const apiV3Key = randomAlnum(32);
  const mchId = '1900009191';
  const appId = 'wxd678efh567hg6787';
  const gateway = await startWeChatPayGateway({
    mchId,
    appId,
    merchantSerialNo,
    merchantPublicKeyPem: merchant.publicKeyPem,
    platformSerialNo,
    platformPrivateKeyPem: platform.privateKeyPem,
    apiV3Key,
    clock: clock.read,
  });
  const config = weChatPayConfigSchema.parse({
    mchId,
    appId,
    merchantSerialNo,
    merchantPrivateKeyPem: merchant.privateKeyPem,
    apiV3Key,
    platformPublicKeys: { [platformSerialNo]: platform.publicKeyPem },
    baseUrl: gateway.url,
    timeoutMs: 5_000,
    ...urls,
  });
  return { config, merchant, platform, gateway };
}

export interface AlipayWorld {
  config: AlipayConfig;
  app: RsaPair;
  alipay: RsaPair;
  gateway: AlipayGateway;
}

export async function startAlipayWorld(
  clock: TestClock,
  notifyUrl = 'https://nuanxin.test/api/payments/alipay/notify',
): Promise<AlipayWorld> {
  const app = generateRsaPair();
  const alipay = generateRsaPair();
  const appId = '2021004112345678';
  const sellerId = '2088621234567890';
  const gateway = await startAlipayGateway({
    appId,
    appPublicKeyPem: app.publicKeyPem,
    alipayPrivateKeyPem: alipay.privateKeyPem,
    sellerId,
    clock: clock.read,
  });
  // Keys in the bare base64 form the Alipay console hands out.
  const config = alipayConfigSchema.parse({
    appId,
    appPrivateKeyPem: pemBody(app.privateKeyPem),
    alipayPublicKeyPem: pemBody(alipay.publicKeyPem),
    notifyUrl,
    sellerId,
    gatewayUrl: gateway.gatewayUrl,
    timeoutMs: 5_000,
  });
  return { config, app, alipay, gateway };
}

export interface SandboxBankWorld {
  config: SandboxBankConfig;
  gateway: SandboxBankGateway;
}

export async function startSandboxBankWorld(
  clock: TestClock,
  urls: { notifyUrl: string; refundNotifyUrl: string } = {
    notifyUrl: 'https://nuanxin.test/api/payments/sandbox-bank/notify',
    refundNotifyUrl: 'https://nuanxin.test/api/payments/sandbox-bank/refund-notify',
  },
): Promise<SandboxBankWorld> {
  const merchantId = 'NX-HEAT-0001';
  const secret = randomAlnum(48);
  const gateway = await startSandboxBankGateway({ merchantId, secret, clock: clock.read });
  const config = sandboxBankConfigSchema.parse({ merchantId, secret, baseUrl: gateway.url, timeoutMs: 5_000, ...urls });
  return { config, gateway };
}
