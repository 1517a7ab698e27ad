import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type pg from 'pg';
import { pool } from '@/lib/db/client';
import { env } from '@/lib/env';
import { createQueueIfMissing, withJobSetupLock } from './setup-lock';

/**
 * pg-boss on Nuanxin's own pool. Jobs can be enqueued inside a domain transaction (pass its
 * client) so a job exists exactly when the change that needs it committed.
 */
export const JOB_SCHEMA = 'pgboss';

// pg-boss's commands are fixed texts built once per schema: sent as named statements they are
// planned once per connection instead of on every job sent (its job insert took longer to plan
// than to run). A name is the text's hash: Next bundles this module into several chunks that
// share one pool, and the same name must always mean the same text on a connection. A bound on
// the names keeps a dynamic text from filling the connections' caches.
const statementNames = new Map<string, string>();
const MAX_NAMED = 32;

export function pgBossStatementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_NAMED) {
    name = `pgboss-${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

function executor(client: pg.Pool | pg.PoolClient): PgBoss.Db {
  return {
    executeSql: (text: string, values: unknown[] = []) =>
      values.length > 0 ? client.query({ name: pgBossStatementName(text), text, values }) : client.query(text),
  };
}

const holder = globalThis as unknown as { __nuanxinBoss?: Promise<PgBoss> };

/** The process's pg-boss instance for sending (workers are started by lib/jobs/runner.ts). */
export function boss(): Promise<PgBoss> {
  holder.__nuanxinBoss ??= (async () => {
    const instance = new PgBoss({ db: executor(pool()), schema: JOB_SCHEMA, supervise: false, schedule: false });
    instance.on('error', (error) => console.error('[jobs] pg-boss error:', error));
    await instance.start();
    return instance;
  })();
  return holder.__nuanxinBoss;
}

export interface EnqueueOptions {
  startAfter?: Date | number;
  singletonKey?: string;
  retryLimit?: number;
}

/**
 * Makes sure a queue exists before a transaction that enqueues to it starts: creating it needs
 * a pool connection of its own, and transactions all waiting for one can starve the pool.
 */
export async function prepareQueue(name: string): Promise<void> {
  await ensureQueue(await boss(), name);
}

export async function enqueue(name: string, data: object, options: EnqueueOptions = {}, client?: pg.PoolClient): Promise<string | null> {
  const b = await boss();
  await ensureQueue(b, name);
  return b.send(name, data, { ...options, ...(client ? { db: executor(client) } : {}) });
}

// One check per queue and process. A queue still missing is created under the set-up lock:
// first sends racing (in this process or another) would deadlock inside pg-boss's createQueue.
const known = new Map<string, Promise<void>>();

export function ensureQueue(b: PgBoss, name: string): Promise<void> {
  let ready = known.get(name);
  if (!ready) {
    ready = (async () => {
      if (await b.getQueue(name)) return;
      await withJobSetupLock(env().DATABASE_URL, () => createQueueIfMissing(b, name));
    })();
    ready.catch(() => known.delete(name));
    known.set(name, ready);
  }
  return ready;
}
