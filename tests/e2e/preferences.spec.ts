import { expect, test } from '@playwright/test';

test('elder mode persists across reloads and enlarges the text', async ({ page }) => {
  await page.goto('/');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-mode', 'standard');
  const baseStandard = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(baseStandard).toBe(16);
  await page.getByRole('button', { name: '切换到长辈版' }).click();
  await expect(html).toHaveAttribute('data-mode', 'elder');
  await page.reload();
  await expect(html).toHaveAttribute('data-mode', 'elder');
  const baseElder = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(baseElder).toBe(20);
  // The elder home shows a one-tap hotline call; the button to go back is offered by name.
  await expect(page.getByRole('link', { name: /拨打客服热线/ }).first()).toBeVisible();
  await page.getByRole('button', { name: '切换到标准版' }).click();
  await expect(html).toHaveAttribute('data-mode', 'standard');
});

test('the server renders elder mode from the cookie, with no flash', async ({ page, context }) => {
  await context.addCookies([{ name: 'nx-mode', value: 'elder', url: 'https://localhost:4443' }]);
  const response = await page.request.get('/');
  expect(await response.text()).toContain('data-mode="elder"');
});

test('the language switch shows English and persists', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Nuanxin heating services');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});
