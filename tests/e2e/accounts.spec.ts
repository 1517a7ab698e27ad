import { expect, test } from '@playwright/test';
import { seedHousehold, seedUnboundAccount, signIn } from './support';

test('a resident binds an account by 户号 and holder name', async ({ page }) => {
  const home = await seedHousehold(0);
  const account = await seedUnboundAccount('赵丽');
  await signIn(page, home.phone);
  await page.goto('/accounts/bind');
  // Other specs' utilities may be listed too ("测试热力…"): pick this one by its exact name, as a person taps its label.
  await page.getByRole('radiogroup', { name: '供热公司' }).getByText('测试热力', { exact: true }).click();
  await expect(page.getByRole('radio', { name: '测试热力', exact: true })).toBeChecked();
  await page.getByLabel('户号').fill(account.accountNo);
  await page.getByLabel('户主姓名').fill('赵 丽');
  await page.getByRole('button', { name: '绑定', exact: true }).click();
  await expect(page.getByText(`已绑定户号 ${account.accountNo}`)).toBeVisible();
  await page.goto('/accounts');
  await expect(page.getByRole('link', { name: `户号 ${account.accountNo}` })).toBeVisible();
});

test('a wrong holder name does not bind and does not say which field was wrong', async ({ page }) => {
  const home = await seedHousehold(0);
  const account = await seedUnboundAccount('赵丽');
  await signIn(page, home.phone);
  await page.goto('/accounts/bind');
  // Other specs' utilities may be listed too ("测试热力…"): pick this one by its exact name, as a person taps its label.
  await page.getByRole('radiogroup', { name: '供热公司' }).getByText('测试热力', { exact: true }).click();
  await expect(page.getByRole('radio', { name: '测试热力', exact: true })).toBeChecked();
  await page.getByLabel('户号').fill(account.accountNo);
  await page.getByLabel('户主姓名').fill('钱多多');
  await page.getByRole('button', { name: '绑定', exact: true }).click();
  await expect(page.getByText('户号或户主姓名不正确，请核对缴费单。')).toBeVisible();
  await page.goto('/accounts');
  await expect(page.getByText(account.accountNo)).toHaveCount(0);
});

test('a resident sees only their own accounts: another resident’s account is not found', async ({ page }) => {
  const mine = await seedHousehold();
  const theirs = await seedHousehold();
  await signIn(page, mine.phone);
  const own = await page.goto(`/accounts/${mine.accounts[0]!.id}`);
  expect(own?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(mine.accounts[0]!.accountNo);
  const other = await page.goto(`/accounts/${theirs.accounts[0]!.id}`);
  expect(other?.status()).toBe(404);
  await expect(page.getByText(theirs.accounts[0]!.accountNo)).toHaveCount(0);
  const malformed = await page.goto('/accounts/not-a-uuid');
  expect(malformed?.status()).toBe(404);
});

test('pages behind sign-in send a signed-out visitor to the sign-in page', async ({ page }) => {
  await page.goto('/accounts');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: '手机号登录' })).toBeVisible();
});
