import { randomBytes, randomUUID } from 'node:crypto';
import { HARBIN_LIKE_TARIFF } from '@/lib/billing/example-tariffs';
import { saveTariff } from '@/lib/bills/save-tariff';
import { issueSeasonBills } from '@/lib/bills/issue-bills';
import { pool } from '@/lib/db/client';
import type { Channels } from '@/lib/payments/app-channels';
import { createPayment } from '@/lib/payments/create-payment';
import { createConfiguredChannels } from '@/lib/payments/channels/registry';
import { sandboxBankConfigSchema } from '@/lib/payments/channels/sandbox-bank/config';
import { postgresReplayGuard } from '@/lib/payments/replay-guard';
import type { SandboxBankSide } from '@/lib/sandbox-bank/config';
import { startLoopbackBank, type LoopbackBank } from '@/lib/sandbox-bank/loopback-server';
import { randomTestPhone, seedAccount, seedBuilding, seedResident, seedStation, seedUtility } from '@/lib/seed/records';

/** One resident with one account and this season's issued bill (2026, Harbin-like tariff). */
export async function seedBill(): Promise<{ residentId: string; billId: string; accountNo: string; utilityId: string }> {
  const code = randomBytes(4).toString('hex');
  const utilityId = await seedUtility({ code: `pay-${code}`, name: '测试热力', nameEn: 'Test Heating', hotline: '96069' });
  const stationId = await seedStation(utilityId, 'P01', '测试换热站');
  const buildingId = await seedBuilding(stationId, '测试小区 1 号楼', '哈尔滨市测试路 1 号');
  const accountNo = `PAY${code.toUpperCase()}`;
  const accountId = await seedAccount({
    utilityId, buildingId, accountNo, holderName: '王秀兰', unit: '1 单元 101', address: '测试小区 1 号楼 1 单元 101',
    buildingAreaM2: '100.00', usableAreaM2: '80.00',
  });
  const residentId = await seedResident(randomTestPhone(), '王秀兰', [accountId]);
  await saveTariff(utilityId, 2026, '测试 2026', HARBIN_LIKE_TARIFF);
  await issueSeasonBills(2026, new Date('2026-10-15T09:00:00+08:00'), { accountIds: [accountId] });
  const { rows } = await pool().query<{ id: string }>(`SELECT id FROM bill WHERE account_id = $1`, [accountId]);
  return { residentId, billId: rows[0]!.id, accountNo, utilityId };
}

export interface SandboxWorld {
  side: SandboxBankSide;
  channels: Channels;
  bank: LoopbackBank;
}

/** Nuanxin's sandbox-bank channel talking to the built-in bank over loopback HTTP. */
export async function startSandboxWorld(): Promise<SandboxWorld> {
  const world = {} as SandboxWorld;
  world.bank = await startLoopbackBank(() => world.side, () => world.channels);
  world.side = { merchantId: 'NX-TEST-0001', secret: randomBytes(32).toString('hex'), publicUrl: world.bank.url };
  const config = sandboxBankConfigSchema.parse({
    merchantId: world.side.merchantId,
    secret: world.side.secret,
    baseUrl: world.bank.url,
    notifyUrl: world.bank.notifyUrl,
    refundNotifyUrl: `${world.bank.notifyUrl}/refund`,
    timeoutMs: 5_000,
  });
  world.channels = createConfiguredChannels({ sandboxBank: config }, { replayGuard: postgresReplayGuard });
  return world;
}

export async function billState(billId: string): Promise<{ status: string; ledger: { amount_fen: string; source_id: string }[] }> {
  const bill = await pool().query<{ status: string }>(`SELECT status FROM bill WHERE id = $1`, [billId]);
  const ledger = await pool().query<{ amount_fen: string; source_id: string }>(
    `SELECT amount_fen::text AS amount_fen, source_id FROM bill_ledger WHERE bill_id = $1 ORDER BY id`,
    [billId],
  );
  return { status: bill.rows[0]!.status, ledger: ledger.rows };
}

/** Starts paying a seeded bill through the sandbox bank, as the resident's page would. */
export function startSandboxPayment(world: SandboxWorld, seeded: { residentId: string; billId: string }) {
  return createPayment(world.channels, {
    residentId: seeded.residentId,
    billId: seeded.billId,
    channel: 'sandbox-bank',
    idempotencyKey: randomUUID(),
    origin: 'https://nuanxin.test',
    limitMinutes: 15,
    now: new Date(),
  });
}
