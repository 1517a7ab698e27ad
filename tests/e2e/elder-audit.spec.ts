import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { pool } from '@/lib/db/client';
import { auditFocus, auditLayout, LIMITS } from './audit';
import { seedBills, seedHousehold, setMode, signIn } from './support';

/**
 * Every route, in both modes, on a 360×740 phone and a 1280×800 desktop: text size, targets,
 * line height, landmarks, focus rings, no horizontal scroll (also at 320 px and at 200 % zoom),
 * and contrast — 4.5:1 everywhere, 7:1 (WCAG AAA) in elder mode.
 */
const VIEWPORTS = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

async function residentRoutes(page: Page): Promise<string[]> {
  const home = await seedHousehold();
  await seedBills(home.utilityId, [home.accounts[0]!.id]);
  const { rows } = await pool().query<{ id: string }>(`SELECT id FROM bill WHERE account_id = $1`, [home.accounts[0]!.id]);
  await signIn(page, home.phone);
  return ['/', '/accounts', `/accounts/${home.accounts[0]!.id}`, '/accounts/bind', '/bills', ...rows.map((r) => `/bills/${r.id}`), '/pay', '/repair', '/refunds', '/refunds/new', '/me'];
}

for (const mode of ['standard', 'elder'] as const) {
  for (const viewport of VIEWPORTS) {
    test(`${mode} mode on a ${viewport.name}: sizes, targets, landmarks, contrast, focus`, async ({ page }) => {
      test.slow();
      await page.setViewportSize(viewport);
      const routes = ['/login', '/staff/login', ...(await residentRoutes(page))];
      await setMode(page, mode);
      for (const route of routes) {
        await page.goto(route);
        expect(await auditLayout(page, LIMITS[mode]), `${route} (${mode}, ${viewport.name})`).toEqual([]);
        if (mode === 'elder') {
          const aaa = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).analyze();
          expect(aaa.violations.map((v) => v.nodes.map((n) => n.target.join(' ')).join(', ')), `${route} contrast 7:1`).toEqual([]);
        }
        if (viewport.name === 'phone') expect(await auditFocus(page), `${route} focus`).toEqual([]);
      }
    });
  }
}

test('no horizontal scrolling at 320 px or at 200 % zoom, in either mode', async ({ page }) => {
  test.slow();
  const routes = await residentRoutes(page);
  for (const mode of ['standard', 'elder'] as const) {
    await setMode(page, mode);
    // 200 % zoom of a 1280 px window lays the page out 640 CSS px wide; 320 px is the narrowest phone.
    for (const width of [320, 640]) {
      await page.setViewportSize({ width, height: 700 });
      for (const route of routes) {
        await page.goto(route);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(wide, `${route} at ${width}px in ${mode} mode`).toBeLessThanOrEqual(1);
      }
    }
  }
});
