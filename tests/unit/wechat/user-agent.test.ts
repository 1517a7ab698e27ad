import { describe, expect, it } from 'vitest';
import { isWeChatBrowser } from '@/lib/wechat/user-agent';

describe('WeChat in-app browser detection', () => {
  it.each([
    [
      'WeChat on Android (X5)',
      'Mozilla/5.0 (Linux; Android 13; V2148A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/111.0.5563.116 Mobile Safari/537.36 XWEB/1110017 MMWEBSDK/20231202 MMWEBID/2585 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
      true,
    ],
    [
      'WeChat on iOS',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.44(0x18002c2c) NetType/WIFI Language/zh_CN',
      true,
    ],
    [
      'Safari on iOS',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
      false,
    ],
    ['Alipay’s browser', 'Mozilla/5.0 (Linux; Android 12) AlipayClient/10.5.36.8000 Language/zh-Hans', false],
    ['no user agent', null, false],
  ])('%s', (_label, userAgent, expected) => {
    expect(isWeChatBrowser(userAgent)).toBe(expected);
  });
});
