import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { HARBIN_LIKE_TARIFF } from '@/lib/billing/example-tariffs';
import { saveTariff } from '@/lib/bills/save-tariff';
import { pool } from '@/lib/db/client';
import { MESSY_CASES, mappingCsv } from '@/lib/onboarding/generate-legacy';
import { writeLegacyFile } from '@/lib/onboarding/write-legacy-file';
import { randomTestPhone, seedResident } from '@/lib/seed/records';
import { seedHousehold, seedTestStaff, signIn } from './support';

async function staffSignIn(page: Page, role: 'AGENT' | 'SUPERVISOR' | 'ADMIN') {
  const staff = await seedTestStaff(role);
  await page.goto('/staff/login');
  await page.getByLabel('用户名').fill(staff.username);
  await page.getByLabel('密码').fill(staff.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '客服工作台' })).toBeVisible();
  return staff;
}

// One upload for the file: the import is keyed by file checksum, so the tests below share it.
test.describe.configure({ mode: 'serial' });

test('an administrator uploads a messy GBK file and sees the report', async ({ page }) => {
  const staff = await staffSignIn(page, 'ADMIN');
  await saveTariff(staff.utilityId, 2026, '测试热力 2026 供暖季', HARBIN_LIKE_TARIFF);
  const dir = await mkdtemp(path.join(tmpdir(), 'nuanxin-e2e-import-'));
  const file = path.join(dir, '户档案.csv');
  await writeLegacyFile({ path: file, rows: 2 * MESSY_CASES.length, messy: true, encoding: 'gbk' });
  await writeFile(path.join(dir, 'mapping.csv'), mappingCsv());

  await page.goto('/staff/import');
  await page.getByRole('button', { name: '上传并导入' }).click();
  await expect(page.getByText('请选择户档案文件。')).toBeVisible();

  await page.getByLabel('户档案文件').setInputFiles(file);
  await page.getByLabel('收费标准对照表').setInputFiles(path.join(dir, 'mapping.csv'));
  await page.getByRole('button', { name: '上传并导入' }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('report-rows')).toHaveText('40');
  await expect(page.getByTestId('count-accepted')).toHaveText('6');
  await expect(page.getByTestId('count-fixed')).toHaveText('12');
  await expect(page.getByTestId('count-merged')).toHaveText('2');
  await expect(page.getByTestId('count-rejected')).toHaveText('20');
  await expect(page.getByTestId('unmapped-codes')).toContainText('OLD-1998: 2');
  await expect(report).toContainText('身份证号无效');
  await expect(report).toContainText('199****0003');
  expect(await report.textContent()).not.toMatch(/199\d{8}/);

  // The import is listed with its CSV report, which is masked too.
  await page.reload();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载 CSV 报告' }).first().click();
  const csv = await (await download).createReadStream();
  let text = '';
  for await (const chunk of csv) text += String(chunk);
  expect(text).toContain('LG00000000');
  expect(text).not.toMatch(/199\d{8}/);

  // The two merges wait for review on the same page; marking one keeps who and when.
  const merges = page.getByTestId('pending-merges').getByRole('listitem');
  await expect(merges).toHaveCount(2);
  await merges.first().getByRole('button', { name: /标记为已复核/ }).click();
  await expect(merges).toHaveCount(1);
  const { rows } = await pool().query<{ username: string }>(
    `SELECT s.username FROM import_merge m JOIN staff s ON s.id = m.reviewed_by JOIN import_batch b ON b.id = m.import_id
     WHERE b.utility_id = $1 AND m.reviewed_at IS NOT NULL`,
    [staff.utilityId],
  );
  expect(rows).toEqual([{ username: staff.username }]);
});

test('a resident pays the debt carried over from the old system through the usual payment flow', async ({ page }) => {
  const { rows } = await pool().query<{ id: string }>(
    `SELECT a.id FROM heating_account a JOIN utility u ON u.id = a.utility_id WHERE u.code = 'e2e-heating' AND a.account_no = 'LG00000019'`,
  );
  const phone = randomTestPhone();
  await seedResident(phone, '王秀兰', [rows[0]!.id]);
  await signIn(page, phone);
  await page.goto('/bills');
  await expect(page.getByTestId('opening-balance')).toContainText('户号 LG00000019: 欠费 ¥2,400.00');
  await page.getByRole('link', { name: /缴纳结转欠费 ¥2,400.00/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '缴费' })).toBeVisible();
  await expect(page.getByText(/原系统结转欠费/).first()).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByTestId('confirm-amount')).toHaveText('¥2,400.00');
  await page.getByRole('button', { name: '确认支付 ¥2,400.00' }).click();
  await expect(page.getByTestId('bank-amount')).toHaveText('¥2,400.00');
  await page.getByRole('button', { name: '确认付款' }).click();
  await expect(page.getByTestId('payment-status')).toHaveAttribute('data-status', 'succeeded', { timeout: 20_000 });
  await page.getByRole('link', { name: '查看电子收据' }).click();
  await expect(page.getByTestId('receipt-amount')).toHaveText('¥2,400.00');
  await expect(page.getByText('原系统结转欠费')).toBeVisible();
  await page.goto('/bills');
  await expect(page.getByRole('link', { name: /缴纳结转欠费/ })).toHaveCount(0);
  await expect(page.getByText('已缴清')).toBeVisible();
});

test('the upload route refuses other sites, other roles and oversized bodies with a clear message', async ({ page, baseURL }) => {
  await staffSignIn(page, 'ADMIN');
  const origin = new URL(baseURL!).origin;
  const files = (size: number) => ({
    file: { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.alloc(size, 0x41) },
    mapping: { name: 'mapping.csv', mimeType: 'text/csv', buffer: Buffer.from(mappingCsv()) },
  });
  const foreign = await page.request.post('/staff/import/upload', { headers: { origin: 'https://evil.example' }, multipart: files(10) });
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toEqual({ error: '您没有权限进行此操作。' });

  const big = await page.request.post('/staff/import/upload', { headers: { origin }, multipart: files(12 * 1024 * 1024) });
  expect(big.status()).toBe(413);
  expect(await big.json()).toEqual({ error: '文件超过 10 MB，请用命令行导入。' });

  const empty = await page.request.post('/staff/import/upload', { headers: { origin }, multipart: { mapping: files(1).mapping } });
  expect(empty.status()).toBe(400);
  expect(await empty.json()).toEqual({ fieldErrors: { file: '请选择户档案文件。' } });

  await page.context().clearCookies();
  await staffSignIn(page, 'AGENT');
  const agent = await page.request.post('/staff/import/upload', { headers: { origin }, multipart: files(10) });
  expect(agent.status()).toBe(403);
});

test('an agent sees phone and ID masked and cannot reveal them', async ({ page }) => {
  await staffSignIn(page, 'AGENT');
  await page.goto('/staff/accounts?q=LG00000000');
  await expect(page.getByTestId('value-phone')).toHaveText('199****0000');
  await expect(page.getByTestId('value-id_number')).toHaveText(/^\d{3}\*{11}\d{3}[\dX]$/);
  await expect(page.getByRole('button', { name: /显示完整/ })).toHaveCount(0);
  expect(await page.content()).not.toContain('19900000000');
});

test('a supervisor reveals a phone, and the reveal is audited with who, what, when and where', async ({ page }) => {
  const staff = await staffSignIn(page, 'SUPERVISOR');
  await page.goto('/staff/accounts?q=19900000000');
  await expect(page.getByTestId('value-phone')).toHaveText('199****0000');
  const before = new Date();
  await page.getByRole('button', { name: '显示完整手机号' }).click();
  await expect(page.getByTestId('value-phone')).toHaveText('19900000000');
  const { rows } = await pool().query<{ at: Date; ip: string | null; detail: { field: string }; entity_id: string }>(
    `SELECT l.at, l.ip, l.detail, l.entity_id FROM audit_log l JOIN staff s ON s.id = l.actor_id
     WHERE l.action = 'pii.reveal' AND s.username = $1`,
    [staff.username],
  );
  expect(rows).toHaveLength(1);
  expect(rows[0]!.detail).toEqual({ field: 'phone' });
  expect(rows[0]!.ip).toMatch(/127\.0\.0\.1|::1/);
  expect(rows[0]!.at.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
});

test('an administrator finds the reveal in the audit log', async ({ page }) => {
  await staffSignIn(page, 'ADMIN');
  await page.goto('/staff/audit?action=pii.reveal');
  await expect(page.getByTestId('audit-results')).toContainText('pii.reveal');
  await page.goto('/staff/audit?from=2026-13-45');
  await expect(page.getByText('日期格式应为 2026-11-25。')).toBeVisible();
});

test('a resident sees their phone masked, downloads their data and asks to close the account', async ({ page }) => {
  const home = await seedHousehold();
  await signIn(page, home.phone);
  await page.goto('/me');
  await expect(page.getByTestId('masked-phone')).toHaveText(`${home.phone.slice(0, 3)}****${home.phone.slice(-4)}`);
  const response = await page.request.get('/me/data');
  expect(response.status()).toBe(200);
  const data = (await response.json()) as { resident: { phone: string }; accounts: unknown[] };
  expect(data.resident.phone).toBe(home.phone);
  expect(data.accounts).toHaveLength(1);
  await page.getByLabel('注销原因（选填）').fill('搬家');
  await page.getByRole('button', { name: '申请注销' }).click();
  await expect(page.getByText(/已收到您的注销申请/)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/已收到您的注销申请/)).toBeVisible();
});
