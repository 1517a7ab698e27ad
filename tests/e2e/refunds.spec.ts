import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { pool } from '@/lib/db/client';
import { seedStaff } from '@/lib/seed/records';
import { auditLayout, LIMITS } from './audit';
import { staffSignIn } from './complaints-support';
import { billOf, seedSucceededPayment } from './payments-support';
import { person, seedBills, seedHousehold, setMode, signIn } from './support';

/**
 * A resident asks for a suspension refund, sees how the amount is reached, submits (a double click
 * makes one request); an agent approves, a supervisor gives the second approval, the sandbox bank
 * pays it back through the original payment, and the resident follows every step on 退费进度.
 * The same journey runs in standard and elder mode; a rejection's reason reaches the resident.
 */
/** A household whose 2026 bill was paid in full through the sandbox bank, then suspended. */
async function paidAndSuspended() {
  const home = await seedHousehold();
  const accountId = home.accounts[0]!.id;
  await seedBills(home.utilityId, [accountId]);
  const billId = await billOf(accountId, 2026);
  const paymentId = await seedSucceededPayment(home.residentId, billId);
  // The bank's own books hold the same paid trade, so it can refund it for real.
  await pool().query(
    `INSERT INTO sandbox_bank_trade (bank_trade_no, merchant_id, out_trade_no, amount_fen, subject, notify_url, return_url, status, expires_at, paid_at)
     SELECT p.channel_trade_no, 'NX-SANDBOX-0001', p.out_trade_no, p.amount_fen, '暖心供暖 采暖费', '', '', 'SUCCESS', p.expires_at, p.paid_at FROM payment p WHERE p.id = $1`,
    [paymentId],
  );
  await pool().query(`UPDATE heating_account SET status = 'SUSPENDED' WHERE id = $1`, [accountId]);
  const staff = async (role: 'AGENT' | 'SUPERVISOR') => {
    const username = `e2e.refund.${role.toLowerCase()}.${randomBytes(3).toString('hex')}`;
    const password = `Pw-${randomBytes(6).toString('hex')}`;
    await seedStaff({ utilityId: home.utilityId, username, password, name: role === 'AGENT' ? '客服小李' : '主管老张', role });
    return { username, password };
  };
  return { home, billId, paymentId, agent: await staff('AGENT'), supervisor: await staff('SUPERVISOR') };
}

async function axe(page: Page, mode: 'standard' | 'elder') {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', ...(mode === 'elder' ? ['wcag2aaa'] : [])]).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), page.url()).toEqual([]);
  // Text sizes, targets, landmarks of the pages with their content (the route audits see them empty).
  expect(await auditLayout(page, LIMITS[mode]), page.url()).toEqual([]);
}

async function askForSuspensionRefund(page: Page, mode: 'standard' | 'elder') {
  await page.goto('/refunds/new');
  await page.getByRole('radio', { name: /2026 供暖季/ }).check();
  await page.getByRole('radio', { name: /报停/ }).check();
  await page.getByRole('button', { name: '计算可退金额' }).click();
  const quote = page.getByTestId('refund-quote');
  await expect(quote).toContainText('已缴金额');
  await expect(quote).toContainText('报停后应缴');
  await expect(quote).toContainText('可退金额');
  await axe(page, mode);
  await page.getByLabel('补充说明（可不填）').fill('11 月已办理报停');
  if (mode === 'elder') await page.getByRole('checkbox', { name: /我已核对/ }).check();
  const submit = page.getByRole('button', { name: /确认申请退费 ¥/ });
  await submit.dblclick();
  await expect(page.getByRole('heading', { level: 1, name: '退费进度' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('退费申请已提交');
}

for (const mode of ['standard', 'elder'] as const) {
  test(`request, review, two approvals and tracking of a refund in ${mode} mode`, async ({ browser }, info) => {
    test.slow();
    const world = await paidAndSuspended();
    const resident = await person(browser, info);
    await signIn(resident, world.home.phone);
    await setMode(resident, mode);
    await askForSuspensionRefund(resident, mode);
    await expect(resident.getByTestId('refund-card')).toHaveCount(1);
    await expect(resident.getByTestId('refund-state')).toHaveText('已提交');
    await expect(resident.getByTestId('refund-expected')).toContainText(/预计 \d{4}-\d{2}-\d{2} 前到账/);
    await axe(resident, mode);

    // 1,920-odd 元 is above the 500.00 元 threshold: the agent's approval alone sends nothing.
    const agent = await person(browser, info);
    await setMode(agent, mode);
    await staffSignIn(agent, world.agent);
    await agent.goto('/staff/refunds');
    await agent.getByRole('link', { name: /报停/ }).first().click();
    await expect(agent.getByTestId('refund-status')).toHaveText('已提交');
    await axe(agent, mode);
    await agent.getByRole('button', { name: '审核通过' }).click();
    await expect(agent.getByText('已初审通过，需要一位主管复核后才会退款。')).toBeVisible();
    await agent.reload();
    await expect(agent.getByTestId('refund-status')).toHaveText('审核中');

    const supervisor = await person(browser, info);
    await setMode(supervisor, mode);
    await staffSignIn(supervisor, world.supervisor);
    // The supervisors' board shows what waits for them; its tile leads to the refund queue.
    await supervisor.goto('/staff/dashboard');
    const waiting = supervisor.getByRole('link', { name: /待主管复核退费/ });
    expect(Number(await waiting.locator('span').first().textContent())).toBeGreaterThanOrEqual(1);
    await waiting.click();
    await expect(supervisor.getByRole('heading', { level: 1, name: '退费审核' })).toBeVisible();
    await expect(supervisor.getByRole('link', { name: '待主管复核', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(supervisor.getByRole('link', { name: /报停/ }).first()).toBeVisible();
    await supervisor.goto(agent.url());
    await supervisor.getByRole('button', { name: '主管复核通过' }).click();
    // The approve form goes once the request moves on; its status says where it went.
    await expect(supervisor.getByTestId('refund-status')).toHaveText(/已审核通过|正在原路退回|已退回/);

    // The job pays it back through the sandbox bank; the resident sees each step.
    await expect(async () => {
      await resident.reload();
      await expect(resident.getByTestId('refund-state')).toHaveText('已退回', { timeout: 1_000 });
    }).toPass({ timeout: 45_000 });
    const card = resident.getByTestId('refund-card');
    for (const step of ['提交申请', '开始审核', '初审通过，等待主管复核', '主管复核通过', '开始原路退回', '已退回到付款账户']) {
      await expect(card.getByText(step, { exact: true })).toBeVisible();
    }
    await axe(resident, mode);
    const { rows } = await pool().query<{ status: string; refunded: string }>(
      `SELECT p.status, (SELECT coalesce(sum(refund_fen), 0) FROM sandbox_bank_refund b WHERE b.out_trade_no = p.out_trade_no)::text AS refunded
       FROM payment p WHERE p.id = $1`,
      [world.paymentId],
    );
    expect(rows[0]!.status).toBe('partially_refunded');
    const { rows: request } = await pool().query<{ amount_fen: string }>(`SELECT amount_fen::text FROM refund_request WHERE bill_id = $1`, [world.billId]);
    expect(request).toHaveLength(1);
    expect(rows[0]!.refunded).toBe(request[0]!.amount_fen);
  });
}

test('a rejected refund shows the resident why', async ({ browser }, info) => {
  const world = await paidAndSuspended();
  const resident = await person(browser, info);
  await signIn(resident, world.home.phone);
  await askForSuspensionRefund(resident, 'standard');
  const agent = await person(browser, info);
  await staffSignIn(agent, world.agent);
  await agent.goto('/staff/refunds');
  await agent.getByRole('link', { name: /报停/ }).first().click();
  await agent.getByRole('button', { name: '开始审核' }).click();
  await expect(agent.getByTestId('refund-status')).toHaveText('审核中');
  await agent.getByLabel('不通过的原因（居民会看到）').fill('报停手续尚未办结，请办结后再申请');
  await agent.getByRole('button', { name: '不通过' }).click();
  await expect(agent.getByTestId('refund-status')).toHaveText('未通过');
  await resident.reload();
  await expect(resident.getByTestId('refund-state')).toHaveText('未通过');
  await expect(resident.getByTestId('refund-rejected')).toHaveText('未通过原因：报停手续尚未办结，请办结后再申请');
});

test('the resident withdraws a request before it is approved, by keyboard, in elder mode', async ({ browser }, info) => {
  const world = await paidAndSuspended();
  const resident = await person(browser, info);
  await signIn(resident, world.home.phone);
  await setMode(resident, 'elder');
  await askForSuspensionRefund(resident, 'elder');
  const card = resident.getByTestId('refund-card');
  // A disclosure first, so one stray tap withdraws nothing; it says what withdrawing means.
  const open = card.getByText('撤回申请', { exact: true });
  await open.focus();
  await resident.keyboard.press('Enter');
  await expect(card.getByText('撤回后这笔申请不再审核，也不会退款。之后仍可以重新申请退费。')).toBeVisible();
  await axe(resident, 'elder');
  const confirm = card.getByRole('button', { name: /确认撤回退费申请 \d+/ });
  await confirm.focus();
  await resident.keyboard.press('Enter');
  await expect(resident.getByText(/退费申请 \d+ 已撤回。/)).toBeVisible();
  await expect(resident.getByTestId('refund-state')).toHaveText('已撤回');
  await expect(card.getByText('已撤回申请', { exact: true })).toBeVisible();
  await expect(resident.getByTestId('refund-withdraw')).toHaveCount(0);
  await expect(resident.getByTestId('refund-expected')).toHaveCount(0);
  await axe(resident, 'elder');

  // Staff see it closed, with nothing left to do on it.
  const agent = await person(browser, info);
  await staffSignIn(agent, world.agent);
  const { rows } = await pool().query<{ id: string }>(`SELECT id FROM refund_request WHERE bill_id = $1`, [world.billId]);
  await agent.goto(`/staff/refunds/${rows[0]!.id}`);
  await expect(agent.getByTestId('refund-status')).toHaveText('已撤回');
  await expect(agent.getByRole('button', { name: /审核|不通过/ })).toHaveCount(0);

  // The money it asked for may be asked for again.
  await askForSuspensionRefund(resident, 'elder');
  await expect(resident.getByTestId('refund-state')).toHaveText(['已提交', '已撤回']);
});

test('a request approved while the resident was deciding can no longer be withdrawn, and the page says so', async ({ browser }, info) => {
  const world = await paidAndSuspended();
  const resident = await person(browser, info);
  await signIn(resident, world.home.phone);
  await askForSuspensionRefund(resident, 'standard');
  const card = resident.getByTestId('refund-card');
  await card.getByText('撤回申请', { exact: true }).click();
  // Staff approve it in the meantime (two approvals done elsewhere): the page still offers the button.
  await pool().query(`UPDATE refund_request SET state = 'approved' WHERE bill_id = $1`, [world.billId]);
  await card.getByRole('button', { name: /确认撤回退费申请 \d+/ }).click();
  await expect(resident.getByText('这笔申请已经审核通过，退款可能已在路上，不能撤回了。如有疑问请拨打客服电话。')).toBeVisible();
  await expect(resident.getByTestId('refund-state')).toHaveText('已审核通过');
  await expect(resident.getByTestId('refund-withdraw')).toHaveCount(0);
});
