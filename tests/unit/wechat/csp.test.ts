import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, weChatScriptSources } from '@/lib/server/security-headers';

const WECHAT_UA = 'Mozilla/5.0 (Linux; Android 13; wv) AppleWebKit/537.36 Chrome/116.0.0.0 Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64';
const CHROME_UA = 'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120.0.0.0 Mobile Safari/537.36';

describe('the JS-SDK in the Content-Security-Policy', () => {
  it('is allowed only for WeChat visitors when an official account is configured', () => {
    expect(weChatScriptSources(WECHAT_UA, true)).toEqual(['https://res.wx.qq.com']);
    expect(weChatScriptSources(WECHAT_UA, false)).toEqual([]);
    expect(weChatScriptSources(CHROME_UA, true)).toEqual([]);
    expect(weChatScriptSources(undefined, true)).toEqual([]);
  });

  it('goes into script-src beside the nonce, and nowhere else', () => {
    const csp = contentSecurityPolicy('abc', false, { scripts: weChatScriptSources(WECHAT_UA, true) });
    expect(csp).toContain(`script-src 'self' 'nonce-abc' 'strict-dynamic' https://res.wx.qq.com;`);
    expect(csp.split(';').filter((d) => d.includes('res.wx.qq.com'))).toHaveLength(1);
    expect(contentSecurityPolicy('abc', false)).not.toContain('res.wx.qq.com');
  });
});
