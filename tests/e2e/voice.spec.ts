import { expect, test, type Page } from '@playwright/test';
import { billOf } from './payments-support';
import { seedBills, seedHousehold, signIn } from './support';

/**
 * Voice navigation with a scripted recogniser standing in for the microphone (the browser API is
 * replaced before the page loads), and a speech synthesiser that records what it was asked to say.
 */
const FAKE_SPEECH = () => {
  const w = window as unknown as Record<string, unknown>;
  const spoken: string[] = [];
  w.__spoken = spoken;
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
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: {
      speak(u: { text: string; onend?: () => void }) {
        spoken.push(u.text);
        setTimeout(() => u.onend?.(), 20);
      },
      cancel() {},
      getVoices: () => [],
    },
  });
};

async function say(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: '说话', exact: true }).click();
  await page.waitForFunction(() => Boolean((window as unknown as { __rec?: unknown }).__rec));
  await page.evaluate((t) => (window as unknown as { __say(t: string): void }).__say(t), text);
}

test('a resident moves around by voice, tolerant of fillers, synonyms and homophones', async ({ page }) => {
  await page.addInitScript(FAKE_SPEECH);
  const home = await seedHousehold();
  await seedBills(home.utilityId, [home.accounts[0]!.id]);
  await signIn(page, home.phone);
  await say(page, '我要看看帐单');
  await expect(page).toHaveURL(/\/bills$/);
  await say(page, '回首页');
  await expect(page).toHaveURL(/\/$/);
  await say(page, '家里冷，暖气不热了');
  await expect(page).toHaveURL(/\/repair$/);
  await say(page, '我能说什么');
  await expect(page.getByTestId('voice-help')).toContainText('账单');
  await expect(page.getByTestId('voice-help')).toContainText('我的户号');
});

test('an elder resident pays by voice: the amount is spoken, and saying 确认 pays', async ({ page }) => {
  await page.addInitScript(FAKE_SPEECH);
  await page.context().addCookies([{ name: 'nx-mode', value: 'elder', url: 'https://localhost' }]);
  const home = await seedHousehold();
  await seedBills(home.utilityId, [home.accounts[0]!.id]);
  await signIn(page, home.phone);
  await page.goto(`/bills/${await billOf(home.accounts[0]!.id, 2026)}`);
  await say(page, '去缴费');
  await expect(page.getByRole('heading', { level: 1, name: '缴费' })).toBeVisible();
  await say(page, '下一步');
  const amount = (await page.getByTestId('confirm-amount').textContent())!;
  await expect(page.getByTestId('voice-status')).toContainText('请说“确认”');
  const spoken = await page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);
  expect(spoken.at(-1)).toContain(amount.replace('¥', ''));
  await say(page, '确认');
  await expect(page.getByRole('heading', { level: 1, name: '模拟银行 · 网上支付' })).toBeVisible();
  await expect(page.getByTestId('bank-amount')).toHaveText(amount);
});

test('an ambiguous request is asked back with both choices on screen', async ({ page }) => {
  await page.addInitScript(FAKE_SPEECH);
  const home = await seedHousehold();
  await signIn(page, home.phone);
  await say(page, '退费');
  const region = page.getByRole('region', { name: '语音助手' });
  await expect(page.getByTestId('voice-status')).toContainText('您是想');
  await expect(region.getByRole('button', { name: '退费进度' })).toBeVisible();
  await region.getByRole('button', { name: '退费进度' }).click();
  await expect(page).toHaveURL(/\/refunds$/);
});

test('speech that matches nothing gets a spoken and written answer', async ({ page }) => {
  await page.addInitScript(FAKE_SPEECH);
  const home = await seedHousehold();
  await signIn(page, home.phone);
  await say(page, '打开电视机');
  await expect(page.getByTestId('voice-status')).toContainText('没有听明白');
  const spoken = await page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);
  expect(spoken.at(-1)).toContain('没有听明白');
});

test('read-aloud reads the main content in order and highlights what it reads', async ({ page }) => {
  await page.addInitScript(FAKE_SPEECH);
  await page.goto('/');
  await page.getByRole('button', { name: '朗读本页' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken.length)).toBeGreaterThan(3);
  const spoken = await page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);
  expect(spoken[0]).toBe('欢迎使用暖心供暖服务');
  expect(spoken).toContain('常用服务');
});

const WECHAT_ANDROID_UA =
  'Mozilla/5.0 (Linux; Android 13; V2227A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';

const NO_SPEECH_APIS = () => {
  for (const name of ['SpeechRecognition', 'webkitSpeechRecognition', 'speechSynthesis', 'SpeechSynthesisUtterance']) {
    Object.defineProperty(window, name, { configurable: true, value: undefined });
  }
};

test('inside WeChat on a 360 px phone with no speech APIs and no JS-SDK, no microphone is offered and pages work', async ({ browser }) => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 360, height: 740 }, userAgent: WECHAT_ANDROID_UA });
  await context.addInitScript(NO_SPEECH_APIS);
  // WeChat's script host cannot be reached: the JS-SDK provider fails quietly.
  await context.route('https://res.wx.qq.com/**', (route) => route.abort());
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const home = await seedHousehold();
  await seedBills(home.utilityId, [home.accounts[0]!.id]);
  await signIn(page, home.phone);
  await expect(page.getByRole('region', { name: '语音助手' })).toHaveCount(0);
  await page.goto('/bills');
  await expect(page.getByRole('heading', { level: 1, name: '我的账单' })).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});

test('the speech token endpoint says plainly when speech is not configured', async ({ request }) => {
  const res = await request.post('/api/speech/token');
  expect(res.status()).toBe(404);
  expect(await res.json()).toEqual({ available: false });
});
