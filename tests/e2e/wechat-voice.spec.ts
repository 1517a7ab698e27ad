import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { seedBills, seedHousehold, signIn } from './support';

/**
 * Voice input inside WeChat through its JS-SDK. WeChat's script is replaced (page.route) by a
 * stand-in implementing the calls Nuanxin makes: config/ready/error, startRecord/stopRecord and
 * translateVoice. window.__wxMode picks how it behaves; window.__wxSay is what translateVoice hears.
 */
const WECHAT_ANDROID_UA =
  'Mozilla/5.0 (Linux; Android 13; V2227A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';

const FAKE_JSSDK = `
window.wx = (function () {
  var readyCallbacks = [], errorCallbacks = [];
  window.__wxConfigs = [];
  window.__wxCalls = [];
  return {
    config: function (c) {
      window.__wxConfigs.push(c);
      setTimeout(function () {
        if (window.__wxMode === 'config-fail') errorCallbacks.forEach(function (f) { f({ errMsg: 'config:invalid signature' }); });
        else readyCallbacks.forEach(function (f) { f(); });
      }, 10);
    },
    ready: function (f) { readyCallbacks.push(f); },
    error: function (f) { errorCallbacks.push(f); },
    startRecord: function (o) {
      window.__wxCalls.push('startRecord');
      if (window.__wxMode === 'deny') { o.fail && o.fail({ errMsg: 'startRecord:fail auth deny' }); return; }
      window.__wxRecording = true;
      o.success && o.success({ errMsg: 'startRecord:ok' });
    },
    stopRecord: function (o) {
      window.__wxCalls.push('stopRecord');
      window.__wxRecording = false;
      o.success && o.success({ errMsg: 'stopRecord:ok', localId: 'weixin://resourceid/1' });
    },
    onVoiceRecordEnd: function () {},
    translateVoice: function (o) {
      window.__wxCalls.push('translateVoice:' + o.localId);
      o.success && o.success({ errMsg: 'translateVoice:ok', translateResult: window.__wxSay || '' });
    }
  };
})();
`;

/** A scripted browser recogniser, to see the microphone fall back to it. */
const FAKE_BROWSER_RECOGNITION = () => {
  const w = window as unknown as Record<string, unknown>;
  class FakeRecognition {
    onresult: ((e: unknown) => void) | null = null;
    onend: (() => void) | null = null;
    onerror: ((e: unknown) => void) | null = null;
    start() {
      w.__rec = this;
    }
    abort() {
      this.onend?.();
    }
  }
  w.SpeechRecognition = FakeRecognition;
  w.__say = (text: string) => {
    const rec = w.__rec as FakeRecognition;
    w.__rec = null;
    rec.onresult?.({ resultIndex: 0, results: [[{ transcript: text }]] });
    rec.onend?.();
  };
};

async function weChatPhone(browser: import('@playwright/test').Browser, mode: 'ok' | 'config-fail' | 'deny', withBrowserRecogniser = false) {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 360, height: 740 }, userAgent: WECHAT_ANDROID_UA });
  await context.addInitScript((m) => {
    for (const name of ['SpeechRecognition', 'webkitSpeechRecognition', 'speechSynthesis', 'SpeechSynthesisUtterance']) {
      Object.defineProperty(window, name, { configurable: true, writable: true, value: undefined });
    }
    (window as unknown as { __wxMode: string }).__wxMode = m;
  }, mode);
  if (withBrowserRecogniser) await context.addInitScript(FAKE_BROWSER_RECOGNITION);
  const sdkRequests: string[] = [];
  await context.route('https://res.wx.qq.com/**', (route) => {
    sdkRequests.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'application/javascript', body: FAKE_JSSDK });
  });
  return { context, sdkRequests };
}

/** Push-to-talk: hold the microphone while "speaking", then let go. */
async function holdAndSay(page: Page, text: string): Promise<void> {
  const box = (await page.getByRole('button', { name: '说话', exact: true }).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForFunction(() => (window as unknown as { __wxRecording?: boolean }).__wxRecording === true);
  await page.evaluate((t) => ((window as unknown as { __wxSay: string }).__wxSay = t), text);
  await page.waitForTimeout(1000);
  await page.mouse.up();
}

async function signedInHousehold(page: Page) {
  const home = await seedHousehold();
  await seedBills(home.utilityId, [home.accounts[0]!.id]);
  await signIn(page, home.phone);
  return home;
}

async function closeAll(context: BrowserContext) {
  await context.close();
}

test('inside WeChat a resident holds the microphone, says 我要交暖气费 and reaches the pay page', async ({ browser }) => {
  const { context, sdkRequests } = await weChatPhone(browser, 'ok');
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const signedUrls: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/wechat/jssdk')) signedUrls.push((JSON.parse(r.postData() ?? '{}') as { url: string }).url);
  });
  await signedInHousehold(page);
  await page.goto('/?from=menu#top');
  await expect(page.getByText('按住“说话”讲，讲完松开')).toBeVisible();
  expect(sdkRequests).toContain('https://res.wx.qq.com/open/js/jweixin-1.6.0.js');
  const [config] = await page.evaluate(() => (window as unknown as { __wxConfigs: Record<string, unknown>[] }).__wxConfigs);
  expect(config).toMatchObject({ debug: false, jsApiList: expect.arrayContaining(['startRecord', 'stopRecord', 'translateVoice']) });
  expect(config!.appId).toMatch(/^wx/);
  expect(config!.signature).toMatch(/^[0-9a-f]{40}$/);
  expect(config!.timestamp).toEqual(expect.any(Number));
  // WeChat signs the page URL without its #fragment.
  expect(signedUrls.at(-1)).toMatch(/\/\?from=menu$/);

  await holdAndSay(page, '我要交暖气费。');
  // Inside WeChat the pay page first fetches the payer's openid (snsapi_base); the browser keeps
  // the authorize URL's #wechat_redirect on the way back, and the URL reads /pay only in between.
  await expect(page).toHaveURL(/\/pay(\?[^#]*)?(#wechat_redirect)?$/);
  await expect(page.getByRole('heading', { level: 1, name: '缴费' })).toBeVisible();
  expect(errors).toEqual([]);
  await closeAll(context);
});

test('the server signs only this site’s pages, only for WeChat, and the JS-SDK is allowed only there', async ({ request, browser }) => {
  const outside = await request.post('/api/wechat/jssdk', { data: { url: 'https://localhost/' } });
  expect(outside.status()).toBe(404);
  const inside = await request.post('/api/wechat/jssdk', { data: { url: 'https://evil.example/' }, headers: { 'user-agent': WECHAT_ANDROID_UA } });
  expect(inside.status()).toBe(400);
  const plain = await request.get('/');
  expect(plain.headers()['content-security-policy']).not.toContain('res.wx.qq.com');
  const wechat = await request.get('/', { headers: { 'user-agent': WECHAT_ANDROID_UA } });
  expect(wechat.headers()['content-security-policy']).toMatch(/script-src [^;]*https:\/\/res\.wx\.qq\.com/);

  // Outside WeChat the script is never requested.
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const requested: string[] = [];
  await context.route('https://res.wx.qq.com/**', (route) => {
    requested.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(requested).toEqual([]);
  await context.close();
});

test('a tap too short to hear anything says so and keeps the microphone', async ({ browser }) => {
  const { context } = await weChatPhone(browser, 'ok');
  const page = await context.newPage();
  await page.goto('/');
  const mic = page.getByRole('button', { name: '说话', exact: true });
  await mic.click();
  await expect(page.getByTestId('voice-status')).toHaveText('说话时间太短。请按住“说话”按钮，说完再松开。');
  await expect(mic).toBeVisible();
  await closeAll(context);
});

test('when WeChat refuses the config, the microphone falls back to the browser recogniser', async ({ browser }) => {
  const { context } = await weChatPhone(browser, 'config-fail', true);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signedInHousehold(page);
  await expect(page.getByTestId('voice-status')).toHaveText('微信语音输入暂时不可用。');
  await expect(page.getByText('按住“说话”讲，讲完松开')).toHaveCount(0);
  await page.getByRole('button', { name: '说话', exact: true }).click();
  await page.waitForFunction(() => Boolean((window as unknown as { __rec?: unknown }).__rec));
  await page.evaluate(() => (window as unknown as { __say(t: string): void }).__say('看账单'));
  await expect(page).toHaveURL(/\/bills$/);
  expect(errors).toEqual([]);
  await closeAll(context);
});

test('a refused microphone permission is explained, and the next press uses the next provider', async ({ browser }) => {
  const { context } = await weChatPhone(browser, 'deny', true);
  const page = await context.newPage();
  await signedInHousehold(page);
  await expect(page.getByText('按住“说话”讲，讲完松开')).toBeVisible();
  await page.getByRole('button', { name: '说话', exact: true }).click();
  await expect(page.getByTestId('voice-status')).toHaveText('没有使用麦克风的权限。请在微信或浏览器设置中允许后再试。');
  await page.getByRole('button', { name: '说话', exact: true }).click();
  await page.waitForFunction(() => Boolean((window as unknown as { __rec?: unknown }).__rec));
  await page.evaluate(() => (window as unknown as { __say(t: string): void }).__say('看账单'));
  await expect(page).toHaveURL(/\/bills$/);
  await closeAll(context);
});
