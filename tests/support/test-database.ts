import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '@/lib/db/embedded';
import { migrateDeploy } from '@/lib/db/prisma-cli';

/**
 * A fresh, migrated database for one test run. Refuses any server that is not on this machine.
 */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`Tests refuse to run against ${host}: only a database on this machine may be used.`);
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * With DATABASE_URL: a throw-away database on that (local) server. Without: a private embedded
 * cluster for this run alone, on a free port, so runs in parallel never stop each other's server.
 */
export async function createTestDatabase(root = process.cwd()): Promise<TestDatabase> {
  const external = process.env.DATABASE_URL;
  let serverUrl: string;
  let stopServer = async () => undefined as void;
  let dataDir: string | undefined;
  if (external) {
    serverUrl = external;
  } else {
    dataDir = path.join(root, '.data/test-runs', randomBytes(6).toString('hex'));
    const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    serverUrl = embedded.url;
    stopServer = () => embedded.stop();
  }
  assertLocal(serverUrl);
  const name = `nuanxin_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  await migrateDeploy(url, root);
  return {
    url,
    async drop() {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
      await stopServer();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Secrets for one test run: random, never reused. */
export function testSecrets(): Record<string, string> {
  return {
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    PII_KEYS: `t1:${randomBytes(32).toString('base64')}`,
    PII_ACTIVE_KEY_ID: 't1',
    PII_HMAC_KEY: randomBytes(32).toString('base64'),
  };
}
