import { spawn, type ChildProcess } from 'node:child_process';
import { exited, spawnServer } from '@/lib/runtime/spawn-server';
import path from 'node:path';
import { buildIsCurrent, sourceHash, writeBuildStamp } from '@/lib/runtime/build-stamp';
import { startE2EPaymentWorld } from '../support/gateways/e2e-world';
import { createTestDatabase, testSecrets } from '../support/test-database';
import { E2E_HTTP_PORT, E2E_HTTPS_PORT } from '../../playwright.config';

/**
 * Builds the production bundle when the sources changed, creates a fresh database, starts
 * server.ts over HTTPS on it, and hands the database URL and secrets to the test workers (which
 * seed their own residents through lib/seed). Returns the teardown.
 */
const root = process.cwd();

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server.ts exited with ${server.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The portal did not become healthy at ${url}`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!(await buildIsCurrent(root))) {
    const hash = await sourceHash(root);
    await run([path.join(root, 'node_modules/next/dist/bin/next'), 'build'], { ...process.env, NODE_ENV: 'production' });
    await writeBuildStamp(root, hash);
  }
  const db = await createTestDatabase(root);
  const env = {
    ...testSecrets(),
    DATABASE_URL: db.url,
    NUANXIN_DEMO: '1',
    OTP_IP_LIMIT_PER_HOUR: '1000',
  };
  Object.assign(process.env, env);
  // WeChat Pay and the official account are configured for the server only, on loopback stand-ins.
  const payments = await startE2EPaymentWorld(`https://localhost:${E2E_HTTPS_PORT}`);
  const server = await spawnServer(root, {
    ...process.env,
    ...env,
    ...payments.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    HTTPS_PORT: String(E2E_HTTPS_PORT),
    HTTP_PORT: String(E2E_HTTP_PORT),
    // Two server processes: every journey below is spread over both, so nothing may depend on
    // one process's memory (sessions, one-time codes, limits and jobs all live in PostgreSQL).
    WEB_CONCURRENCY: '2',
  });
  // Only for the health probe below: the test server's certificate is self-signed.
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  await waitForHealth(`https://127.0.0.1:${E2E_HTTPS_PORT}/api/health`, server, 60_000);
  return async () => {
    server.kill('SIGTERM');
    await exited(server);
    await payments.close();
    await db.drop();
  };
}
