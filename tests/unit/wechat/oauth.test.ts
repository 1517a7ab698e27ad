import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weChatOfficialAccountConfigSchema, type WeChatOfficialAccountConfig } from '@/lib/wechat/config';
import { buildSnsapiBaseAuthorizeUrl, exchangeOAuthCode } from '@/lib/wechat/oauth';
import { startServer } from '@/tests/support/gateways/http-server';
import { startWeChatMpGateway, type WeChatMpGateway } from '@/tests/support/gateways/wechat-mp-gateway';

let gateway: WeChatMpGateway;
let config: WeChatOfficialAccountConfig;

beforeAll(async () => {
  gateway = await startWeChatMpGateway({ appId: 'wx1234567890abcdef', appSecret: 'secret-of-the-account' });
  config = weChatOfficialAccountConfigSchema.parse({
    appId: 'wx1234567890abcdef',
    appSecret: 'secret-of-the-account',
    apiBaseUrl: gateway.url,
    timeoutMs: 2_000,
  });
});

afterAll(async () => {
  await gateway.close();
});

describe('snsapi_base authorize URL', () => {
  it('asks silently for the openid, in the parameter order WeChat checks', () => {
    const url = buildSnsapiBaseAuthorizeUrl(config, {
      redirectUri: 'https://nuanxin.test/api/wechat/oauth?next=/bills/2024',
      state: 'a1B2c3',
    });
    expect(url).toBe(
      'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1234567890abcdef' +
        '&redirect_uri=https%3A%2F%2Fnuanxin.test%2Fapi%2Fwechat%2Foauth%3Fnext%3D%2Fbills%2F2024' +
        '&response_type=code&scope=snsapi_base&state=a1B2c3#wechat_redirect',
    );
    expect(url).not.toContain('snsapi_userinfo');
  });

  it.each(['', 'has space', 'x'.repeat(129), 'a&scope=snsapi_userinfo'])('refuses the state %j', (state) => {
    expect(() => buildSnsapiBaseAuthorizeUrl(config, { redirectUri: 'https://nuanxin.test/', state })).toThrow(RangeError);
  });
});

describe('exchanging the OAuth code for an openid', () => {
  it('returns the openid for a fresh code, once', async () => {
    gateway.codes.set('CODE-1', { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' });
    expect(await exchangeOAuthCode(config, 'CODE-1')).toEqual({ openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', unionid: null });
    await expect(exchangeOAuthCode(config, 'CODE-1')).rejects.toMatchObject({ code: 'invalid_code', errcode: 40029 });
  });

  it('refuses a snapshot-mode visitor, whose openid cannot pay', async () => {
    gateway.codes.set('CODE-2', { openid: 'oVirtual', snapshot: true });
    await expect(exchangeOAuthCode(config, 'CODE-2')).rejects.toMatchObject({ code: 'snapshot_user' });
  });

  it('reports a wrong app secret as an API error', async () => {
    gateway.codes.set('CODE-3', { openid: 'o3' });
    await expect(exchangeOAuthCode({ ...config, appSecret: 'wrong' }, 'CODE-3')).rejects.toMatchObject({
      code: 'api_error',
      errcode: 40125,
    });
  });

  it('reports a silent server as a timeout and a non-JSON answer as bad', async () => {
    const silent = await startServer(() => new Promise(() => undefined));
    const html = await startServer(() => ({ status: 502, body: '<html>Bad Gateway</html>' }));
    try {
      await expect(exchangeOAuthCode({ ...config, apiBaseUrl: silent.url, timeoutMs: 200 }, 'C')).rejects.toMatchObject({
        code: 'timeout',
      });
      await expect(exchangeOAuthCode({ ...config, apiBaseUrl: html.url }, 'C')).rejects.toMatchObject({ code: 'bad_response' });
    } finally {
      await Promise.all([silent.close(), html.close()]);
    }
  });
});
