import { expect, test, type Page } from '@playwright/test';
import { setMode, signIn } from './support';
import { beijingLocal, fileFor, seedHome, seedStaffIn, seedTown, staffSignIn } from './complaints-support';

const COMPLAINT_URL = /\/repair\/[0-9a-f-]{36}$/;

/** Taps a choice card the way a resident does: on its words. */
async function choose(page: Page, role: 'radio' | 'checkbox', name: string): Promise<void> {
  await page.locator('label').filter({ hasText: new RegExp(`^${name}$`) }).click();
  await expect(page.getByRole(role, { name })).toBeChecked();
}

test('a resident files a report on a 360px phone; a wrong temperature is explained and nothing typed is lost', async ({ page }) => {
  const home = await seedHome(await seedTown());
  await signIn(page, home.phone);
  await page.goto('/repair');
  await expect(page.getByRole('heading', { level: 1, name: '暖气不热报修' })).toBeVisible();
  await choose(page, 'radio', '暖气不热');
  await choose(page, 'checkbox', '客厅');
  await choose(page, 'checkbox', '主卧');
  await page.getByLabel('室内温度（选填）').fill('很冷');
  await page.getByLabel('详细情况（选填）').fill('暖气片上面热下面凉，屋里冻得嘶哈的');
  await page.getByRole('button', { name: '提交报修' }).click();

  await expect(page.getByText('请填写 -30 到 45 之间的温度，最多一位小数，例如 16.5。')).toBeVisible();
  await expect(page.getByLabel('详细情况（选填）')).toHaveValue('暖气片上面热下面凉，屋里冻得嘶哈的');
  await expect(page.getByRole('checkbox', { name: '主卧' })).toBeChecked();
  await expect(page.getByLabel('室内温度（选填）')).toHaveValue('很冷');

  await page.getByLabel('室内温度（选填）').fill('15.5');
  await page.getByRole('button', { name: '提交报修' }).click();
  await expect(page).toHaveURL(COMPLAINT_URL);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('报修单');
  await expect(page.getByTestId('complaint-status')).toHaveText('已提交，等待受理');
  await expect(page.getByTestId('response-left')).toContainText('客服将在');
  await expect(page.getByText('15.5 ℃')).toBeVisible();
  await page.getByRole('link', { name: '我的报修' }).click();
  await expect(page.getByRole('link', { name: /暖气不热/ })).toHaveCount(1);
});

test('elder mode files a report in three short steps', async ({ page }) => {
  const home = await seedHome(await seedTown());
  await setMode(page, 'elder');
  await signIn(page, home.phone);
  await page.goto('/repair');
  await expect(page.getByText('第 1 步，共 3 步')).toBeVisible();
  // Only the first step's questions are on screen.
  await expect(page.getByRole('checkbox', { name: '客厅' })).toHaveCount(0);
  await choose(page, 'radio', '停热');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('第 2 步，共 3 步')).toBeVisible();
  await choose(page, 'checkbox', '全屋');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('第 3 步，共 3 步')).toBeVisible();
  await page.getByRole('button', { name: '提交报修' }).click();
  await expect(page).toHaveURL(COMPLAINT_URL);
  await expect(page.getByText('停热')).toBeVisible();
});

test('elder mode brings a refused report back at the step that needs a change', async ({ page }) => {
  const home = await seedHome(await seedTown());
  await setMode(page, 'elder');
  await signIn(page, home.phone);
  await page.goto('/repair');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '提交报修' }).click();
  await expect(page.getByText('第 2 步，共 3 步')).toBeVisible();
  await expect(page.getByText('请至少选择一个房间。')).toBeVisible();
});

test('an agent works the order and the resident follows it, then says it is not fixed', async ({ page, browser }) => {
  const town = await seedTown();
  const home = await seedHome(town);
  const agent = await seedStaffIn(town);
  const filed = await fileFor(home);

  await staffSignIn(page, agent);
  await page.getByRole('link', { name: '进入工单队列' }).click();
  await page.getByRole('link', { name: new RegExp(`工单 ${filed.number} `) }).click();
  await expect(page.getByTestId('work-order-status')).toHaveText('已提交，等待受理');
  await page.getByRole('button', { name: '认领工单' }).click();
  await expect(page.getByTestId('work-order-status')).toHaveText('客服已受理');
  await page.getByLabel('回复内容（居民可见）').fill('您好，师傅明天下午上门查看。');
  await page.getByRole('button', { name: '回复居民' }).click();
  await expect(page.getByText('您好，师傅明天下午上门查看。').last()).toBeVisible();
  await page.getByLabel('备注（仅客服可见）').fill('楼栋回水阀可能没开');
  await page.getByRole('button', { name: '添加内部备注' }).click();
  await expect(page.getByText('楼栋回水阀可能没开').last()).toBeVisible();
  await page.getByLabel('上门时间').fill(beijingLocal(20));
  await page.getByRole('button', { name: '预约上门' }).click();
  await expect(page.getByTestId('work-order-status')).toHaveText('已预约上门');
  await page.getByLabel('温度（℃）').fill('16.5');
  await page.getByRole('button', { name: '记录室温' }).click();
  await expect(page.getByText(/客厅：16\.5 ℃/).first()).toBeVisible();
  await page.getByLabel('处理结果（居民可见）').fill('暖气片有空气，已放气');
  await page.getByRole('button', { name: '处理完成' }).click();
  await expect(page.getByTestId('work-order-status')).toHaveText('已处理，请确认');

  const resident = await (await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 360, height: 740 } })).newPage();
  await signIn(resident, home.phone);
  await resident.goto(`/repair/${filed.complaintId}`);
  const timeline = resident.getByRole('list', { name: '处理进度' });
  for (const step of ['您提交了报修', '客服已受理', '客服回复', '已预约上门', '已测量室温', '已处理']) {
    await expect(timeline.getByText(step, { exact: true })).toBeVisible();
  }
  await expect(timeline.getByText('您好，师傅明天下午上门查看。')).toBeVisible();
  await expect(resident.getByText('楼栋回水阀可能没开')).toHaveCount(0);
  await resident.getByLabel('哪里还没修好（选填）').fill('卧室还是凉');
  await resident.getByRole('button', { name: '没修好' }).click();
  await expect(resident.getByText('已重新打开，客服会尽快联系您。')).toBeVisible();
  await resident.reload();
  await expect(resident.getByTestId('complaint-status')).toHaveText('重新处理中');
  await expect(resident.getByTestId('response-left')).toBeVisible();
  await resident.context().close();
});

test('a resident cannot open a report on someone else’s account', async ({ page }) => {
  const town = await seedTown();
  const mine = await seedHome(town);
  const theirs = await seedHome(town);
  const filed = await fileFor(theirs, { description: '邻居的秘密描述' });
  await signIn(page, mine.phone);
  const response = await page.goto(`/repair/${filed.complaintId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText('邻居的秘密描述')).toHaveCount(0);
  expect((await page.goto('/repair/not-a-uuid'))?.status()).toBe(404);
  await page.goto('/repair/mine');
  await expect(page.getByText('您还没有报修记录。')).toBeVisible();
});

test('an agent cannot see another utility’s work orders', async ({ page }) => {
  const theirs = await seedTown();
  const filed = await fileFor(await seedHome(theirs), { description: '别家公司的工单' });
  const agent = await seedStaffIn(await seedTown());
  await staffSignIn(page, agent);
  await page.goto('/staff/work-orders');
  await expect(page.getByText('没有工单。')).toBeVisible();
  const response = await page.goto(`/staff/work-orders/${filed.workOrderId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText('别家公司的工单')).toHaveCount(0);
});

test('a station outage shows on the home and filing pages, and one tap says “me too”', async ({ page }) => {
  const town = await seedTown({ stationOutageThreshold: 2 });
  await fileFor(await seedHome(town));
  await fileFor(await seedHome(town));
  const neighbour = await seedHome(town);
  await signIn(page, neighbour.phone);
  await expect(page.getByRole('heading', { name: '您的换热站正在抢修' })).toBeVisible();
  await page.goto('/repair');
  await expect(page.getByText('测试一号换热站出现供热故障')).toBeVisible();
  await page.getByRole('button', { name: `我家也不热（${neighbour.accountNo}）` }).click();
  await expect(page.getByText(`已记录户号 ${neighbour.accountNo}`)).toBeVisible();
  await page.goto('/');
  await expect(page.getByText(`已记录户号 ${neighbour.accountNo}`)).toBeVisible();
});

test('a supervisor sees the outage on the board and sets the expected repair time', async ({ page }) => {
  const town = await seedTown({ stationOutageThreshold: 2 });
  await fileFor(await seedHome(town));
  await fileFor(await seedHome(town));
  const supervisor = await seedStaffIn(town, 'SUPERVISOR');
  await staffSignIn(page, supervisor);
  await page.getByRole('link', { name: '主管看板' }).click();
  await expect(page.getByRole('heading', { name: '换热站故障：测试一号换热站' })).toBeVisible();
  await page.getByLabel('预计恢复时间').fill(beijingLocal(6));
  await page.getByRole('button', { name: '更新预计时间' }).click();
  await expect(page.getByText('已保存。')).toBeVisible();
  // The outage is resolved through its work order, not from the board.
  await expect(page.getByRole('button', { name: '标记已恢复' })).toHaveCount(0);
  await page.getByRole('link', { name: '处理此事件的工单' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '事件工单 · 换热站故障：测试一号换热站' })).toBeVisible();
});

test('an agent finds the outage as an incident work order in the queue and resolves it; the station notice goes away', async ({ page, browser }) => {
  const town = await seedTown({ stationOutageThreshold: 2 });
  const home = await seedHome(town);
  await fileFor(home);
  await fileFor(await seedHome(town));
  const agent = await seedStaffIn(town);

  await staffSignIn(page, agent);
  await page.getByRole('link', { name: '进入工单队列' }).click();
  const queue = page.getByTestId('work-order-queue');
  // Two complaints and the outage, all due within the response promise, in the same queue.
  await expect(queue.getByRole('listitem')).toHaveCount(3);
  const order = queue.getByRole('link', { name: /事件工单 · 换热站故障：测试一号换热站/ });
  await expect(order).toContainText('紧急');
  await expect(order).toContainText(/剩余 \d/);
  await order.click();
  await expect(page.getByRole('heading', { level: 1, name: '事件工单 · 换热站故障：测试一号换热站' })).toBeVisible();
  await expect(page.getByTestId('work-order-status')).toHaveText('已提交，等待受理');
  await expect(page.getByText('事件触发，已自动生成工单')).toBeVisible();
  await page.getByRole('button', { name: '认领工单' }).click();
  await expect(page.getByTestId('work-order-status')).toHaveText('客服已受理');
  await page.getByLabel('发给所有关联住户的消息').fill('换热站循环泵故障，正在抢修');
  await page.getByRole('button', { name: '回复居民' }).click();
  await expect(page.getByText('换热站循环泵故障，正在抢修').last()).toBeVisible();
  await page.getByLabel(/^处理结果（发给所有关联住户/).fill('循环泵已更换，供热恢复');
  await page.getByRole('button', { name: '处理完成' }).click();
  await expect(page.getByTestId('work-order-status')).toHaveText('已处理，请确认');
  await expect(page.getByText('事件状态：已恢复')).toBeVisible();
  await page.goto('/staff/work-orders?view=done');
  await expect(page.getByTestId('work-order-queue').getByRole('link', { name: /事件工单/ })).toBeVisible();

  const resident = await (await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 360, height: 740 } })).newPage();
  await signIn(resident, home.phone);
  await expect(resident.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(resident.getByRole('heading', { name: '您的换热站正在抢修' })).toHaveCount(0);
  await resident.context().close();
});

test('a resident adds a photo; a wrong file is explained; a neighbour cannot open the photo', async ({ page, browser }) => {
  const town = await seedTown();
  const home = await seedHome(town);
  const neighbour = await seedHome(town);
  const filed = await fileFor(home);
  const exif = Buffer.from('Exif\0\0GPS 45.7N 126.6E', 'latin1');
  const jpeg = Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, exif.length + 2]),
    exif,
    Buffer.from([0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0, 1, 2, 3, 0xff, 0xd9]),
  ]);
  await signIn(page, home.phone);
  await page.goto(`/repair/${filed.complaintId}`);
  await page.getByLabel('选择照片').setInputFiles({ name: 'notes.txt', mimeType: 'image/jpeg', buffer: Buffer.from('not a photo') });
  await page.getByRole('button', { name: '上传照片' }).click();
  await expect(page.getByText('只能上传 JPEG、PNG 或 HEIC 格式的照片。')).toBeVisible();
  await page.getByLabel('选择照片').setInputFiles({ name: 'radiator.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await page.getByRole('button', { name: '上传照片' }).click();
  await expect(page.getByText('照片已上传。')).toBeVisible();
  const src = await page.getByRole('img', { name: '现场照片 1' }).getAttribute('src');
  const own = await page.request.get(src!);
  expect(own.status()).toBe(200);
  expect((await own.body()).toString('latin1')).not.toContain('GPS');

  const other = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
  await signIn(other, neighbour.phone);
  expect((await other.request.get(src!)).status()).toBe(404);
  await other.context().close();
});
