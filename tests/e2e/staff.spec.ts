import { expect, test } from '@playwright/test';
import { seedTestStaff } from './support';

test('staff sign in with username and password', async ({ page }) => {
  const staff = await seedTestStaff('SUPERVISOR');
  await page.goto('/staff/login');
  await page.getByLabel('用户名').fill(staff.username);
  await page.getByLabel('密码').fill(staff.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '客服工作台' })).toBeVisible();
  await expect(page.getByTestId('staff-name')).toContainText(staff.username);
  await expect(page.getByText('值班主管')).toBeVisible();
});

test('a wrong staff password is refused', async ({ page }) => {
  const staff = await seedTestStaff();
  await page.goto('/staff/login');
  await page.getByLabel('用户名').fill(staff.username);
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('用户名或密码不正确。')).toBeVisible();
});

test('the staff console is closed to signed-out visitors', async ({ page }) => {
  await page.goto('/staff');
  await expect(page).toHaveURL(/\/staff\/login$/);
});
