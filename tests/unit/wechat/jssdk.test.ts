import { describe, expect, it } from 'vitest';
import { weChatOfficialAccountConfigSchema } from '@/lib/wechat/config';
import { buildWxConfig, wxConfigSignature } from '@/lib/wechat/jssdk';
import { pageUrlToSign, signPageForJsSdk } from '@/lib/wechat/sign-page';
import { jsapiTicketKey, type WeChatTokenCache } from '@/lib/wechat/tokens';

// The example from WeChat's JS-SDK documentation (附录1 JS-SDK使用权限签名算法).
const published = {
  jsapiTicket: 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg',
  nonceStr: 'Wm3WZYTPz0wzccnW',
  timestamp: 1414587457,
  url: 'http://mp.weixin.qq.com?params=value',
};

describe('wx.config signature', () => {
  it('matches WeChat’s published example', () => {
    expect(wxConfigSignature(published)).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
  });

  it('ignores the #fragment of the page URL', () => {
    expect(wxConfigSignature({ ...published, url: `${published.url}#/bills?tab=2` })).toBe(
      '0f9de62fce790f9a083d5c99e95740ceb90c27ed',
    );
  });

  it('changes with any part of the signed string', () => {
    expect(wxConfigSignature({ ...published, url: 'http://mp.weixin.qq.com?params=value2' })).not.toBe(
      '0f9de62fce790f9a083d5c99e95740ceb90c27ed',
    );
    expect(wxConfigSignature({ ...published, timestamp: 1414587458 })).not.toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
  });

  it('builds the server half of wx.config from now', () => {
    const config = buildWxConfig({
      appId: 'wx1234567890abcdef',
      jsapiTicket: published.jsapiTicket,
      url: published.url,
      now: new Date(1414587457_000 + 999),
      nonceStr: published.nonceStr,
    });
    expect(config).toEqual({
      appId: 'wx1234567890abcdef',
      timestamp: 1414587457,
      nonceStr: 'Wm3WZYTPz0wzccnW',
      signature: '0f9de62fce790f9a083d5c99e95740ceb90c27ed',
    });
  });
});

describe('signing a page of this site for the JS-SDK', () => {
  const config = weChatOfficialAccountConfigSchema.parse({ appId: 'wx1234567890abcdef', appSecret: 'secret' });
  // The cache already holds WeChat's example ticket, so no request goes out.
  const cache: WeChatTokenCache = {
    get: async (key) => (key === jsapiTicketKey(config.appId) ? published.jsapiTicket : null),
    set: async () => undefined,
    delete: async () => undefined,
  };

  it('signs with the cached jsapi_ticket and asks only for the voice interfaces', async () => {
    const signed = await signPageForJsSdk({
      config,
      cache,
      url: published.url,
      now: new Date(published.timestamp * 1000),
      nonceStr: published.nonceStr,
    });
    expect(signed.signature).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
    expect(signed.jsApiList).toEqual(['startRecord', 'stopRecord', 'onVoiceRecordEnd', 'translateVoice']);
  });

  it('signs only this site’s pages, without the fragment', () => {
    expect(pageUrlToSign('https://nuanxin.example/pay?x=1#top', 'https://nuanxin.example')).toEqual({ ok: true, url: 'https://nuanxin.example/pay?x=1' });
    expect(pageUrlToSign('https://evil.example/pay', 'https://nuanxin.example')).toEqual({ ok: false });
    expect(pageUrlToSign('https://nuanxin.example.evil.example/', 'https://nuanxin.example')).toEqual({ ok: false });
    expect(pageUrlToSign('not a url', 'https://nuanxin.example')).toEqual({ ok: false });
  });
});
