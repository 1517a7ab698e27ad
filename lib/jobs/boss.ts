import PgBoss from 'pg-boss';
import type pg from 'pg';
import { pool } from '@/lib/db/client';

/**
 * pg-boss on Nuanxin's own pool. Jobs can be enqueued inside a domain transaction (pass its
 * client) so a job exists exactly when the change that needs it committed.
 */
export const JOB_SCHEMA = 'pgboss';

function executor(client: pg.Pool | pg.PoolClient): PgBoss.Db {
  return { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
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

export async function enqueue(name: string, data: object, options: EnqueueOptions = {}, client?: pg.PoolClient): Promise<string | null> {
  const b = await boss();
  await ensureQueue(b, name);
  return b.send(name, data, { ...options, ...(client ? { db: executor(client) } : {}) });
}

const known = new Set<string>();

export async function ensureQueue(b: PgBoss, name: string): Promise<void> {
  if (known.has(name)) return;
  if (!(await b.getQueue(name))) await b.createQueue(name);
  known.add(name);
}
