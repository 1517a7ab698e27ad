import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { pool } from '@/lib/db/client';
import { seedStaff } from '@/lib/seed/records';
import { deliverTradeNotify } from '@/lib/sandbox-bank/notify-job';
import { decideTrade, findTrade } from '@/lib/sandbox-bank/trades';
import { seedBill, startSandboxPayment, type SandboxWorld } from '../payments/db-support';

/** A staff member of the utility, as the refund steps take them. */
export async function refundStaff(utilityId: string, role: 'AGENT' | 'SUPERVISOR') {
  const username = `${role.toLowerCase()}-${randomBytes(4).toString('hex')}`;
  const staffId = await seedStaff({ utilityId, username, password: 'Test#password1', name: role === 'AGENT' ? '客服小李' : '主管老张', role });
  return { kind: 'STAFF' as const, staffId, utilityId, role, name: username };
}

/** A bill of 4,264.42 元 paid in full through the sandbox bank; returns the bill and the payment. */
export async function paidSandboxBill(world: SandboxWorld) {
  const seeded = await seedBill();
  const started = await startSandboxPayment(world, seeded);
  const trade = await findTrade(pool(), { merchantId: world.side.merchantId, outTradeNo: started.payment.outTradeNo });
  await decideTrade(trade!.bankTradeNo, 'pay', new Date());
  expect(await deliverTradeNotify(world.side, trade!.bankTradeNo, new Date())).toBe(true);
  return { ...seeded, paymentId: started.payment.id, outTradeNo: started.payment.outTradeNo, amountFen: started.payment.amountFen };
}
