import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startWeChatPayWorld, type TestClock } from './fixtures';
import { startServer } from './http-server';
import { randomAlnum } from './keys';
import { startWeChatMpGateway } from './wechat-mp-gateway';

/**
 * The outside world of the browser tests: WeChat Pay and the WeChat official-account API on
 * loopback, with keys made for this run and written to files, as the server reads them in
 * production. WeChat's authorize page is played by a server that grants every visitor a fresh
 * openid at once (snsapi_base asks the visitor nothing).
 */
export interface E2EPaymentWorld {
  env: Record<string, string>;
  close(): Promise<void>;
}

const realClock: TestClock = {
  get now() {
    return new Date();
  },
  read: () => new Date(),
};

export async function startE2EPaymentWorld(origin: string): Promise<E2EPaymentWorld> {
  const wx = await startWeChatPayWorld(realClock, {
    notifyUrl: `${origin}/api/payments/notify/wechatpay`,
    refundNotifyUrl: `${origin}/api/payments/notify/wechatpay/refund`,
  });
  const appSecret = randomAlnum(32);
  const mp = await startWeChatMpGateway({ appId: wx.config.appId, appSecret });
  const authorize = await startServer((request) => {
    const url = new URL(request.target, 'http://stand-in');
    if (url.pathname !== '/connect/oauth2/authorize' || url.searchParams.get('scope') !== 'snsapi_base') return { status: 404 };
    const code = randomAlnum(24);
    mp.codes.set(code, { openid: `oE2E${randomBytes(10).toString('hex')}` });
    const back = new URL(url.searchParams.get('redirect_uri') ?? '');
    back.searchParams.set('code', code);
    back.searchParams.set('state', url.searchParams.get('state') ?? '');
    return { status: 302, headers: { Location: back.toString() } };
  });

  const dir = await mkdtemp(path.join(tmpdir(), 'nuanxin-e2e-keys-'));
  const merchantKey = path.join(dir, 'apiclient_key.pem');
  await writeFile(merchantKey, wx.config.merchantPrivateKeyPem, { mode: 0o600 });
  const platform = await Promise.all(
    Object.entries(wx.config.platformPublicKeys).map(async ([serial, pem], i) => {
      const file = path.join(dir, `platform-${i}.pem`);
      await writeFile(file, pem);
      return `${serial}=${file}`;
    }),
  );
  return {
    env: {
      WECHATPAY_MCH_ID: wx.config.mchId,
      WECHATPAY_SERIAL_NO: wx.config.merchantSerialNo,
      WECHATPAY_PRIVATE_KEY_FILE: merchantKey,
      WECHATPAY_API_V3_KEY: wx.config.apiV3Key,
      WECHATPAY_PLATFORM_KEYS: platform.join(','),
      WECHATPAY_BASE_URL: wx.gateway.url,
      WECHAT_MP_APP_ID: wx.config.appId,
      WECHAT_MP_APP_SECRET: appSecret,
      WECHAT_MP_API_BASE_URL: mp.url,
      WECHAT_MP_AUTHORIZE_BASE_URL: authorize.url,
    },
    async close() {
      await Promise.all([wx.gateway.close(), mp.close(), authorize.close()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
