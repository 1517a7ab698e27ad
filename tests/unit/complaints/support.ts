import { randomBytes, randomUUID } from 'node:crypto';
import { pool } from '@/lib/db/client';
import type { FilingInput } from '@/lib/complaints/fields';
import { randomTestPhone, seedAccount, seedBuilding, seedResident, seedStaff, seedStation, seedUtility } from '@/lib/seed/records';

/** A utility of its own per test (unique code), so database-backed tests never share counts. */
export async function seedTown(promise: Record<string, unknown> = {}) {
  const code = `t-${randomBytes(5).toString('hex')}`;
  const utilityId = await seedUtility({ code, name: `测试热力${code}`, nameEn: 'Test Heating', hotline: '96069' });
  if (Object.keys(promise).length > 0) {
    await pool().query(`UPDATE utility SET service_promise = service_promise || $2::jsonb WHERE id = $1`, [utilityId, JSON.stringify(promise)]);
  }
  const stationId = await seedStation(utilityId, 'S1', '测试换热站');
  const buildingId = await seedBuilding(stationId, '1 号楼', '测试路 1 号');
  return { utilityId, stationId, buildingId };
}

export async function seedHome(town: { utilityId: string; buildingId: string }) {
  const accountNo = `T${randomBytes(5).toString('hex').toUpperCase()}`;
  const accountId = await seedAccount({
    utilityId: town.utilityId, buildingId: town.buildingId, accountNo, holderName: '王秀兰', unit: '1 单元 101',
    address: '1 号楼 1 单元 101', buildingAreaM2: '80.00', usableAreaM2: '64.00',
  });
  const phone = randomTestPhone();
  const residentId = await seedResident(phone, '王秀兰', [accountId]);
  return { accountId, accountNo, residentId, phone };
}

export async function seedAgent(utilityId: string, role: 'AGENT' | 'SUPERVISOR' = 'AGENT') {
  const username = `t.${randomBytes(4).toString('hex')}`;
  const staffId = await seedStaff({ utilityId, username, password: 'x-unused-password', name: '测试客服', role });
  return { kind: 'STAFF' as const, staffId, utilityId, name: '测试客服' };
}

export function filing(home: { accountId: string; phone: string; residentId: string }, overrides: Partial<FilingInput> = {}) {
  return {
    idempotencyKey: randomUUID(),
    accountId: home.accountId,
    problem: 'NOT_WARM' as const,
    rooms: ['living' as const],
    description: '暖气不热，屋里才十几度',
    contactPhone: home.phone,
    preferredVisits: [],
    residentId: home.residentId,
    ip: '127.0.0.1',
    ...overrides,
  };
}

export const at = (text: string) => new Date(`${text}+08:00`);
