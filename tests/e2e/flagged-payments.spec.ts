import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { pool } from '@/lib/db/client';
import { seedStaff } from '@/lib/seed/records';
import { staffSignIn } from './complaints-support';
import { billOf, ledgerOf, seedFlaggedPayment } from './payments-support';
import { person, seedBills, seedHousehold, setMode, signIn } from './support';

/**
 * The sandbox bank took 1,000.00 元 for a payment that asked the bill's settlement, so it was
 * flagged. An agent can look but not resolve; a supervisor finds it under 待处理的异常, reads what
 * was asked and what the channel reported, and credits it after checking, with a note. A
 * resident never reaches the page. Standard and elder mode.
 */
async function axe(page: Page, mode: 'standard' | 'elder') {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', ...(mode === 'elder' ? ['wcag2aaa'] : [])]).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), page.url()).toEqual([]);
}

async function flaggedWorld() {
  const home = await seedHousehold();
  const account = home.accounts[0]!;
  await seedBills(home.utilityId, [account.id]);
  const billId = await billOf(account.id, 2026);
  const flagged = await seedFlaggedPayment(home.residentId, billId, 100_000n);
  const staff = async (role: 'AGENT' | 'SUPERVISOR') => {
    const username = `e2e.flag.${role.toLowerCase()}.${randomBytes(3).toString('hex')}`;
    const password = `Pw-${randomBytes(6).toString('hex')}`;
    await seedStaff({ utilityId: home.utilityId, username, password, name: role === 'AGENT' ? '客服小李' : '主管老张', role });
    return { username, password };
  };
  return { home, account, billId, ...flagged, agent: await staff('AGENT'), supervisor: await staff('SUPERVISOR') };
}

for (const mode of ['standard', 'elder'] as const) {
  test(`a supervisor credits a flagged payment after checking, in ${mode} mode`, async ({ browser }, info) => {
    test.slow();
    const world = await flaggedWorld();

    // A resident is sent to the staff sign-in, and learns nothing about the payment.
    const resident = await person(browser, info);
    await signIn(resident, world.home.phone);
    await resident.goto(`/staff/payments/${world.paymentId}`);
    await expect(resident).toHaveURL(/\/staff\/login/);

    const agent = await person(browser, info);
    await setMode(agent, mode);
    await staffSignIn(agent, world.agent);
    await agent.goto(`/staff/payments/${world.paymentId}`);
    await expect(agent.getByText('异常缴费需由主管或管理员处理。')).toBeVisible();
    await expect(agent.getByRole('button', { name: '核实后入账' })).toHaveCount(0);

    const supervisor = await person(browser, info);
    await setMode(supervisor, mode);
    await staffSignIn(supervisor, world.supervisor);
    await supervisor.goto(`/staff/payments?q=${world.account.accountNo}&flagged=1`);
    await expect(supervisor.getByTestId('staff-payment')).toHaveCount(1);
    await expect(supervisor.getByTestId('flag-state')).toContainText('待处理');
    await axe(supervisor, mode);
    await supervisor.getByRole('link', { name: new RegExp(`处理异常 ${world.outTradeNo}`) }).click();
    await expect(supervisor.getByRole('heading', { level: 1, name: '缴费详情' })).toBeVisible();
    await expect(supervisor.getByText('¥1,000.00').first()).toBeVisible();
    await expect(supervisor.getByText('账单还没有入账记录。')).toBeVisible();
    await axe(supervisor, mode);

    // No note: nothing happens but a clear message.
    const payBack = supervisor.getByRole('region', { name: '原路退回' });
    await payBack.getByRole('button', { name: '原路退回' }).click();
    await expect(payBack.getByText('请填写处理说明。').first()).toBeVisible();
    expect(await ledgerOf(world.billId)).toEqual([]);
    const { rows: refunds } = await pool().query(`SELECT 1 FROM refund_request WHERE bill_id = $1`, [world.billId]);
    expect(refunds).toEqual([]);

    const credit = supervisor.getByRole('region', { name: '核实后入账' });
    await credit.getByRole('button', { name: '核实后入账' }).click();
    await expect(credit.getByText('请填写处理说明。').first()).toBeVisible();
    // Fixing the field and pressing the same button sends it: the field's error goes while typing,
    // not on blur (which moved the button between pointer-down and pointer-up).
    await credit.getByLabel('处理说明（必填，如核对的流水号）').fill('已核对模拟银行流水，实收 1000 元');
    await credit.getByRole('button', { name: '核实后入账' }).click();
    // The page is drawn again with the resolution in place of the forms, inside a live region
    // that was there before, so a screen reader announces it.
    await expect(supervisor.getByTestId('payment-resolution')).toContainText('已核实入账');
    await expect(supervisor.locator('[aria-live="polite"]').filter({ has: supervisor.getByTestId('payment-resolution') })).toHaveCount(1);
    await expect(supervisor.getByTestId('resolution-amount')).toHaveText('¥1,000.00');
    await supervisor.reload();
    await expect(supervisor.getByTestId('payment-resolution')).toContainText('已核实入账');
    await expect(supervisor.getByTestId('payment-resolution')).toContainText('已核对模拟银行流水');
    await expect(supervisor.getByTestId('bill-ledger')).toContainText('¥1,000.00');
    await expect(supervisor.getByRole('button', { name: '核实后入账' })).toHaveCount(0);
    await axe(supervisor, mode);

    expect(await ledgerOf(world.billId)).toEqual([`payment:${world.paymentId}`]);
    const { rows } = await pool().query<{ amount_fen: string; actor_kind: string }>(
      `SELECT l.amount_fen::text AS amount_fen, a.actor_kind FROM bill_ledger l, audit_log a
       WHERE l.source_id = $1 AND a.entity_id = $2 AND a.action = 'payment.flag_credited'`,
      [`payment:${world.paymentId}`, world.paymentId],
    );
    expect(rows).toEqual([{ amount_fen: '100000', actor_kind: 'STAFF' }]);

    // Resolved: no longer among the flagged payments waiting for staff, still among all flagged.
    await supervisor.goto(`/staff/payments?q=${world.account.accountNo}&flagged=1`);
    await expect(supervisor.getByTestId('staff-payment')).toHaveCount(0);
    await supervisor.goto(`/staff/payments?q=${world.account.accountNo}&flagged=all`);
    await expect(supervisor.getByTestId('flag-state')).toContainText('已核实入账');
  });
}
