import { randomBytes, randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { pool } from '@/lib/db/client';
import type { FilingInput } from '@/lib/complaints/fields';
import { fileComplaint } from '@/lib/complaints/file-complaint';
import { randomTestPhone, seedAccount, seedBuilding, seedResident, seedStaff, seedStation, seedUtility } from '@/lib/seed/records';

/**
 * Complaint tests get a heating company of their own, so station-outage counts and work-order
 * queues of parallel tests never mix.
 */
export interface Town {
  utilityId: string;
  code: string;
  stationId: string;
  buildingId: string;
}

export async function seedTown(promise: Record<string, unknown> = {}): Promise<Town> {
  const code = `e2e-${randomBytes(4).toString('hex')}`;
  const utilityId = await seedUtility({ code, name: `测试热力${code.slice(4)}`, nameEn: 'Test Heating', hotline: '0451-96069' });
  if (Object.keys(promise).length > 0) {
    await pool().query(`UPDATE utility SET service_promise = service_promise || $2::jsonb WHERE id = $1`, [utilityId, JSON.stringify(promise)]);
  }
  const stationId = await seedStation(utilityId, 'E01', '测试一号换热站');
  const buildingId = await seedBuilding(stationId, '测试小区 1 号楼', '哈尔滨市南岗区测试路 1 号');
  return { utilityId, code, stationId, buildingId };
}

export interface Home {
  phone: string;
  residentId: string;
  accountId: string;
  accountNo: string;
}

export async function seedHome(town: Town): Promise<Home> {
  const accountNo = `E2E${randomBytes(5).toString('hex').toUpperCase()}`;
  const accountId = await seedAccount({
    utilityId: town.utilityId, buildingId: town.buildingId, accountNo, holderName: '王秀兰', unit: '1 单元 101',
    address: '测试小区 1 号楼 1 单元 101', buildingAreaM2: '100.00', usableAreaM2: '80.00',
  });
  const phone = randomTestPhone();
  const residentId = await seedResident(phone, '王秀兰', [accountId]);
  return { phone, residentId, accountId, accountNo };
}

export async function seedStaffIn(town: Town, role: 'AGENT' | 'SUPERVISOR' = 'AGENT') {
  const username = `e2e.${role.toLowerCase()}.${randomBytes(3).toString('hex')}`;
  const password = `Pw-${randomBytes(6).toString('hex')}`;
  await seedStaff({ utilityId: town.utilityId, username, password, name: '测试客服', role });
  return { username, password };
}

/** Files through the same domain function the page calls. */
export async function fileFor(home: Home, overrides: Partial<FilingInput> = {}) {
  const filed = await fileComplaint(
    {
      idempotencyKey: randomUUID(),
      accountId: home.accountId,
      problem: 'NOT_WARM',
      rooms: ['living'],
      description: '暖气不热，屋里才十五度',
      contactPhone: home.phone,
      preferredVisits: ['weekday_afternoon'],
      residentId: home.residentId,
      ip: '127.0.0.1',
      ...overrides,
    },
    new Date(),
  );
  const { rows } = await pool().query<{ id: string }>(`SELECT id FROM work_order WHERE complaint_id = $1`, [filed.complaintId]);
  return { ...filed, workOrderId: rows[0]!.id };
}

export async function staffSignIn(page: Page, staff: { username: string; password: string }): Promise<void> {
  await page.goto('/staff/login');
  await page.getByLabel('用户名').fill(staff.username);
  await page.getByLabel('密码').fill(staff.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '客服工作台' })).toBeVisible();
}

/** YYYY-MM-DDTHH:mm in Beijing time, `hours` from now (what a datetime-local field takes). */
export function beijingLocal(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000 + 8 * 3_600_000).toISOString().slice(0, 16);
}

/** The work order of the station's outage incident (opened with it). */
export async function incidentWorkOrderOf(town: Town): Promise<string> {
  const { rows } = await pool().query<{ id: string }>(
    `SELECT w.id FROM work_order w JOIN incident i ON i.id = w.incident_id WHERE i.station_id = $1 AND w.kind = 'INCIDENT'`,
    [town.stationId],
  );
  if (!rows[0]) throw new Error('no incident work order for the station');
  return rows[0].id;
}
