import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests drive Chromium against the production build over HTTPS (TLS 1.3 only), served by
 * server.ts on a fresh PostgreSQL database (tests/e2e/global-setup.ts).
 */
export const E2E_HTTPS_PORT = Number(process.env.E2E_HTTPS_PORT ?? 4443);
export const E2E_HTTP_PORT = Number(process.env.E2E_HTTP_PORT ?? 4080);

// Debian's Chromium where it exists (no browser download is possible offline), else Playwright's.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL: `https://localhost:${E2E_HTTPS_PORT}`,
    ignoreHTTPSErrors: true,
    trace: 'retain-on-failure',
    reducedMotion: 'reduce',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath: systemChromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'phone', use: { ...devices['Pixel 5'], viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } },
    // Faults, shutdown, hostile input and the two-process journey, on their own database and
    // server processes (tests/resilience/world.ts); one at a time, as they start and kill servers.
    { name: 'resilience', testDir: 'tests/resilience', workers: 1, timeout: 180_000 },
  ],
});
