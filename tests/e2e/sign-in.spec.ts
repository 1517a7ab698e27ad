import { expect, test } from '@playwright/test';
import { requestCode, seedHousehold, signIn } from './support';

test('a resident signs in with a one-time code and sees their account', async ({ page }) => {
  const home = await seedHousehold();
  await signIn(page, home.phone);
  await expect(page.getByText(home.accounts[0]!.accountNo)).toBeVisible();
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.startsWith('__Secure-authjs.session-token'));
  expect(session?.httpOnly).toBe(true);
  expect(session?.secure).toBe(true);
});

test('a wrong code is refused with a clear message', async ({ page }) => {
  const home = await seedHousehold();
  const code = await requestCode(page, home.phone);
  await page.getByLabel('验证码', { exact: true }).fill(code === '123456' ? '654321' : '123456');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByText('验证码不正确，请重新输入。')).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
});

test('a code is locked after five wrong tries, even when the sixth is right', async ({ page }) => {
  const home = await seedHousehold();
  const code = await requestCode(page, home.phone);
  const wrong = code === '000000' ? '111111' : '000000';
  const field = page.getByLabel('验证码', { exact: true });
  for (let i = 0; i < 5; i++) {
    await field.fill(wrong);
    // Wait for each try's answer: the same message after two tries would not show that both counted.
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await answered;
    // The form clears the code after each answer; typing the next try before that would be wiped.
    await expect(field).toHaveValue('');
    await expect(page.getByText(i < 4 ? '验证码不正确，请重新输入。' : '验证码错误次数太多，请重新获取验证码。')).toBeVisible();
  }
  await field.fill(code);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByText('验证码错误次数太多，请重新获取验证码。')).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
});

test('a malformed phone number gets a field error, not a page error', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('手机号').fill('12345');
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByText('请输入正确的 11 位手机号。')).toBeVisible();
});

test('signing out everywhere ends the other devices’ sessions', async ({ browser }) => {
  const home = await seedHousehold();
  const phoneA = await browser.newContext({ ignoreHTTPSErrors: true });
  const phoneB = await browser.newContext({ ignoreHTTPSErrors: true });
  const a = await phoneA.newPage();
  const b = await phoneB.newPage();
  await signIn(a, home.phone);
  await signIn(b, home.phone);
  await a.goto('/me');
  await expect(a.getByTestId('masked-phone')).toHaveText(`${home.phone.slice(0, 3)}****${home.phone.slice(-4)}`);
  await a.getByRole('button', { name: '退出所有设备' }).click();
  await expect(a).toHaveURL(/\/$/);
  await b.goto('/accounts');
  await expect(b).toHaveURL(/\/login$/);
  await phoneA.close();
  await phoneB.close();
});
