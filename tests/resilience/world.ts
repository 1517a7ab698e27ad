import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import { test as base } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import { exited, spawnServer } from '@/lib/runtime/spawn-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The resilience tests' own world: a throw-away database on the run's PostgreSQL (so checksums
 * and job queues see nothing of the other browser tests) and two server processes on distinct
 * ports, A and B, both serving it. Neither runs background jobs: a test that needs the job runner
 * starts one itself, and the shutdown test starts its own server with jobs.
 */
const root = process.cwd();

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  port: number;
  origin: string;
  child: ChildProcess;
}

export async function waitHealthy(server: ServerProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server on ${server.port} exited with ${server.child.exitCode}`);
    try {
      if ((await fetch(`https://127.0.0.1:${server.port}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server on ${server.port} did not become healthy`);
}

/** Starts server.ts (one process, no cluster) on `port` against `databaseUrl`. */
export async function startServerProcess(databaseUrl: string, port: number, extra: Record<string, string> = {}): Promise<ServerProcess> {
  const origin = `https://localhost:${port}`;
  const child = await spawnServer(root, {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    HTTPS_PORT: String(port),
    HTTP_PORT: '0',
    WEB_CONCURRENCY: '1',
    JOBS: '0',
    PUBLIC_ORIGIN: origin,
    DATABASE_POOL_MAX: '8',
    ...extra,
  });
  const server = { port, origin, child };
  await waitHealthy(server);
  return server;
}

export async function stopServerProcess(server: ServerProcess): Promise<number> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return server.child.exitCode ?? 1;
  server.child.kill('SIGTERM');
  return exited(server.child);
}

/** The cookie a signed-in resident's browser holds (as next-auth issues it after sign-in). */
export async function residentCookie(residentId: string): Promise<string> {
  const { pool } = await import('@/lib/db/client');
  const { env } = await import('@/lib/env');
  const { rows } = await pool().query<{ id: string }>(
    `INSERT INTO auth_session (kind, subject_id, expires_at, claimed) VALUES ('RESIDENT', $1, now() + interval '1 day', true) RETURNING id`,
    [residentId],
  );
  const salt = '__Secure-authjs.session-token';
  const token = await encode({ salt, secret: env().AUTH_SECRET, token: { sub: residentId, sid: rows[0]!.id, kind: 'RESIDENT' } });
  return `${salt}=${token}`;
}

export interface World {
  databaseUrl: string;
  a: ServerProcess;
  b: ServerProcess;
  /** Replaces B by a fresh process on the same port (after a test killed it). */
  restartB(): Promise<ServerProcess>;
}

export const test = base.extend<object, { world: World }>({
  world: [
    async ({}, use) => {
      // This worker's domain code (seeds, checks) works on the world's database: set before any
      // module reads the configuration.
      const db: TestDatabase = await createTestDatabase(root);
      process.env.DATABASE_URL = db.url;
      const [pa, pb] = [await freePort(), await freePort()];
      process.env.PUBLIC_ORIGIN = `https://localhost:${pa}`;
      const [a, b] = await Promise.all([startServerProcess(db.url, pa), startServerProcess(db.url, pb)]);
      const world: World = {
        databaseUrl: db.url,
        a,
        b,
        async restartB() {
          await stopServerProcess(world.b);
          world.b = await startServerProcess(db.url, pb);
          return world.b;
        },
      };
      await use(world);
      await Promise.all([stopServerProcess(world.a), stopServerProcess(world.b)]);
      const { closeDb } = await import('@/lib/db/client');
      const { boss } = await import('@/lib/jobs/boss');
      const holder = globalThis as unknown as { __nuanxinBoss?: unknown };
      if (holder.__nuanxinBoss) await (await boss()).stop({ graceful: false, wait: true });
      await closeDb();
      await db.drop();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

export { expect } from '@playwright/test';
