import { pool } from '@/lib/db/client';
import { seedRefundsDemo } from './refunds-demo';
import { demoMentionsApiKey, seedComplaintsDemo } from './complaints-demo';
import { issueSeasonBills, seedMeterReading, seedSettledBill, seedTariffs } from './demo-bills';
import { seedAccount, seedBuilding, seedResident, seedStaff, seedStation, seedUtility } from './records';

/**
 * Demo data: two heating companies (an area-billed city and a metered one), their stations,
 * buildings and accounts, three residents and staff of every role. Loaded once by `npm start`
 * in demo mode; running it again changes nothing.
 */
export const DEMO_STAFF_PASSWORD = 'Nuanxin#2026';

export const DEMO_RESIDENTS = [
  { phone: '13800138001', name: '王秀兰', note: '两个户号（长辈版演示）' },
  { phone: '13800138002', name: '李建国', note: '一个户号' },
  { phone: '13800138003', name: '张伟', note: '计量收费城市' },
] as const;

export const DEMO_UNBOUND_ACCOUNT = { utility: '冰城热力', accountNo: 'BC20260104', holderName: '赵丽' };

export interface DemoLogins {
  residents: { phone: string; name: string; note: string }[];
  staff: { username: string; role: string }[];
  password: string;
  /** Key for POST /api/v1/mentions (冰城热力). */
  mentionsApiKey: string;
}

export async function seedDemo(): Promise<DemoLogins> {
  const bc = await seedUtility({ code: 'bingcheng', name: '冰城热力', nameEn: 'Bingcheng Heating', hotline: '0451-96069' });
  const qc = await seedUtility({ code: 'quancheng', name: '泉城供热', nameEn: 'Quancheng Heating', hotline: '0531-96069' });

  const nangang = await seedStation(bc, 'S01', '南岗一号换热站');
  const daoli = await seedStation(bc, 'S02', '道里二号换热站');
  const lixia = await seedStation(qc, 'S01', '历下三号换热站');
  const b1 = await seedBuilding(nangang, '学府小区 3 号楼', '哈尔滨市南岗区学府路 68 号学府小区 3 号楼');
  const b2 = await seedBuilding(daoli, '江畔花园 12 号楼', '哈尔滨市道里区友谊路 201 号江畔花园 12 号楼');
  const b3 = await seedBuilding(lixia, '泉景苑 5 号楼', '济南市历下区泉城路 88 号泉景苑 5 号楼');

  const a1 = await seedAccount({
    utilityId: bc, buildingId: b1, accountNo: 'BC20260101', holderName: '王秀兰', holderPhone: '13800138001',
    holderIdNo: '230103195203150026', unit: '2 单元 501', address: '学府小区 3 号楼 2 单元 501',
    buildingAreaM2: '86.50', usableAreaM2: '68.20', certificateNo: '黑(2015)哈尔滨市不动产权第0012345号',
  });
  const a2 = await seedAccount({
    utilityId: bc, buildingId: b2, accountNo: 'BC20260102', holderName: '王秀兰', holderPhone: '13800138001',
    unit: '1 单元 302', address: '江畔花园 12 号楼 1 单元 302', buildingAreaM2: '150.00', usableAreaM2: '121.40',
    lowIncome: true,
  });
  const a3 = await seedAccount({
    utilityId: bc, buildingId: b1, accountNo: 'BC20260103', holderName: '李建国', holderPhone: '13800138002',
    unit: '3 单元 201', address: '学府小区 3 号楼 3 单元 201', buildingAreaM2: '98.30', usableAreaM2: '77.10',
  });
  await seedAccount({
    utilityId: bc, buildingId: b2, accountNo: DEMO_UNBOUND_ACCOUNT.accountNo, holderName: DEMO_UNBOUND_ACCOUNT.holderName,
    unit: '2 单元 1101', address: '江畔花园 12 号楼 2 单元 1101', buildingAreaM2: '112.00', usableAreaM2: '90.60',
  });
  await seedAccount({
    utilityId: bc, buildingId: b2, accountNo: 'BC20260105', holderName: '刘芳', unit: '2 单元 601',
    address: '江畔花园 12 号楼 2 单元 601', buildingAreaM2: '72.00', usableAreaM2: '58.00', status: 'SUSPENDED',
  });
  const a6 = await seedAccount({
    utilityId: qc, buildingId: b3, accountNo: 'QC20260201', holderName: '张伟', holderPhone: '13800138003',
    unit: '1 单元 402', address: '泉景苑 5 号楼 1 单元 402', buildingAreaM2: '100.00', usableAreaM2: '82.00',
  });

  // Bills: last season (paid, except 李建国's, which has run up a late fee) and this season.
  await seedTariffs({ bingcheng: bc, quancheng: qc });
  await seedMeterReading(a6, 2026, '35.000', new Date('2026-11-20T10:00:00+08:00'));
  await issueSeasonBills(2025, new Date('2025-10-15T09:00:00+08:00'), { accountIds: [a1, a2, a3] });
  await seedSettledBill(a1, 2025, new Date('2025-10-28T10:30:00+08:00'));
  await seedSettledBill(a2, 2025, new Date('2025-12-20T15:00:00+08:00'));
  await issueSeasonBills(2026, new Date('2026-10-15T09:00:00+08:00'));

  const [r1, r2, r3] = DEMO_RESIDENTS;
  const wang = await seedResident(r1.phone, r1.name, [a1, a2]);
  const li = await seedResident(r2.phone, r2.name, [a3]);
  await seedResident(r3.phone, r3.name, [a6]);

  const staffIds: string[] = [];
  for (const s of DEMO_STAFF) {
    staffIds.push(
      await seedStaff({ utilityId: s.utility === 'bc' ? bc : qc, username: s.username, name: s.name, role: s.role, password: DEMO_STAFF_PASSWORD }),
    );
  }

  await seedComplaintsDemo({
    utilityId: bc,
    wang: { residentId: wang, phone: r1.phone, accountId: a1 },
    li: { residentId: li, phone: r2.phone, accountId: a3 },
    agentId: staffIds[0]!,
  });
  await seedRefundsDemo({ utilityId: bc, residentId: wang, coldAccountId: a1, overpaidAccountId: a2, agentId: staffIds[0]! });

  return demoLogins();
}

const DEMO_STAFF = [
  { utility: 'bc', username: 'bc.agent', name: '陈晓', role: 'AGENT' },
  { utility: 'bc', username: 'bc.supervisor', name: '周敏', role: 'SUPERVISOR' },
  { utility: 'bc', username: 'bc.admin', name: '孙强', role: 'ADMIN' },
  { utility: 'qc', username: 'qc.agent', name: '吴静', role: 'AGENT' },
] as const;

export function demoLogins(): DemoLogins {
  return {
    residents: DEMO_RESIDENTS.map((r) => ({ ...r })),
    staff: DEMO_STAFF.map((s) => ({ username: s.username, role: s.role })),
    password: DEMO_STAFF_PASSWORD,
    mentionsApiKey: demoMentionsApiKey(),
  };
}

/** Demo data is loaded once: its last step, the staff, marks it complete. */
export async function demoSeeded(): Promise<boolean> {
  const { rows } = await pool().query(`SELECT 1 FROM staff WHERE username = $1`, [DEMO_STAFF[DEMO_STAFF.length - 1]!.username]);
  return rows.length > 0;
}
