import { randomBytes } from 'node:crypto';
import { expect, type Browser, type Page, type TestInfo } from '@playwright/test';
import { HARBIN_LIKE_TARIFF } from '@/lib/billing/example-tariffs';
import { saveTariff } from '@/lib/bills/save-tariff';
import { HARBIN_LIKE_2025, issueSeasonBills } from '@/lib/seed/demo-bills';
import { randomTestPhone, seedAccount, seedBuilding, seedResident, seedStaff, seedStation, seedUtility } from '@/lib/seed/records';

/**
 * Each test seeds its own resident and accounts through the same functions as the demo data, so
 * tests never share state and can run in parallel.
 */
export interface Household {
  phone: string;
  residentId: string;
  utilityId: string;
  accounts: { id: string; accountNo: string; holderName: string }[];
}

export function uniqueAccountNo(prefix = 'E2E'): string {
  return `${prefix}${randomBytes(5).toString('hex').toUpperCase()}`;
}

export async function seedPlace(): Promise<{ utilityId: string; buildingId: string }> {
  const utilityId = await seedUtility({ code: 'e2e-heating', name: '测试热力', nameEn: 'Test Heating', hotline: '0451-96069' });
  const stationId = await seedStation(utilityId, 'E01', '测试一号换热站');
  const buildingId = await seedBuilding(stationId, '测试小区 1 号楼', '哈尔滨市南岗区测试路 1 号');
  return { utilityId, buildingId };
}

export async function seedUnboundAccount(holderName = '赵丽'): Promise<{ id: string; accountNo: string; holderName: string; utilityId: string }> {
  const { utilityId, buildingId } = await seedPlace();
  const accountNo = uniqueAccountNo();
  const id = await seedAccount({
    utilityId, buildingId, accountNo, holderName, unit: '1 单元 101', address: '测试小区 1 号楼 1 单元 101',
    buildingAreaM2: '100.00', usableAreaM2: '80.00',
  });
  return { id, accountNo, holderName, utilityId };
}

export async function seedHousehold(accountCount = 1): Promise<Household> {
  const { utilityId } = await seedPlace();
  const accounts = [];
  for (let i = 0; i < accountCount; i++) accounts.push(await seedUnboundAccount('王秀兰'));
  const phone = randomTestPhone();
  const residentId = await seedResident(phone, '王秀兰', accounts.map((a) => a.id));
  return { phone, residentId, utilityId, accounts };
}

export async function seedTestStaff(role: 'AGENT' | 'SUPERVISOR' | 'ADMIN' = 'AGENT') {
  const { utilityId } = await seedPlace();
  const username = `e2e.${role.toLowerCase()}.${randomBytes(3).toString('hex')}`;
  const password = `Pw-${randomBytes(6).toString('hex')}`;
  await seedStaff({ utilityId, username, password, name: '测试客服', role });
  return { username, password, utilityId };
}

/** Last season's bill (overdue, so a late fee runs) and this season's, for the given accounts. */
export async function seedBills(utilityId: string, accountIds: string[]): Promise<void> {
  await saveTariff(utilityId, 2025, '测试热力 2025 供暖季', HARBIN_LIKE_2025);
  await saveTariff(utilityId, 2026, '测试热力 2026 供暖季', HARBIN_LIKE_TARIFF);
  await issueSeasonBills(2025, new Date('2025-10-15T09:00:00+08:00'), { accountIds });
  await issueSeasonBills(2026, new Date('2026-10-15T09:00:00+08:00'), { accountIds });
}

/** Asks for a code and returns it as demo mode shows it on the page. */
export async function requestCode(page: Page, phone: string): Promise<string> {
  await page.goto('/login');
  await page.getByLabel('手机号').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  const shown = await page.getByTestId('demo-code').textContent({ timeout: 15_000 });
  const code = shown?.match(/\d{6}/)?.[0];
  if (!code) throw new Error(`no demo code on the page: ${shown}`);
  return code;
}

export async function signIn(page: Page, phone: string): Promise<void> {
  const code = await requestCode(page, phone);
  await page.getByLabel('验证码', { exact: true }).fill(code);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '您好' })).toBeVisible();
}

/** Standard or elder mode (长辈版) for a page's browser context, as the mode switch sets it. */
export async function setMode(page: Page, mode: 'standard' | 'elder'): Promise<void> {
  await page.context().addCookies([{ name: 'nx-mode', value: mode, url: 'https://localhost' }]);
}

/** Each person in their own browser context (own cookies), with the project's settings. */
export async function person(browser: Browser, info: TestInfo): Promise<Page> {
  const use = info.project.use;
  const context = await browser.newContext({
    baseURL: use.baseURL,
    ignoreHTTPSErrors: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    reducedMotion: 'reduce',
    viewport: use.viewport ?? { width: 360, height: 740 },
  });
  return context.newPage();
}
