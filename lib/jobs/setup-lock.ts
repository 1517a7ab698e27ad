import pg from 'pg';
import type PgBoss from 'pg-boss';

/**
 * pg-boss's queue creation cannot run in two sessions at once: its create_queue() first inserts
 * the queue's row (holding a RowExclusive lock on pgboss.queue until it commits), then adds a
 * foreign key to pgboss.queue (which needs ShareRowExclusive). Two sessions doing that — two
 * server processes starting, or two sending a queue's first job — each wait for the other's first
 * lock, and PostgreSQL ends one with "deadlock detected". So every Nuanxin process sets pg-boss up
 * (installs its schema, creates queues, schedules cron jobs) only while holding this advisory
 * lock; the others wait their turn.
 */
const LOCK_KEY = "hashtextextended('nuanxin.pg-boss.setup', 0)";

/**
 * Runs `work` holding the set-up lock. The lock lives on a connection of its own, outside every
 * pool: pg-boss's statements run on its pool's connections, and waiting for the lock must never
 * take a connection that a request or a job needs. Ending that connection releases the lock
 * even when unlocking fails.
 */
export async function withJobSetupLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  const session = new pg.Client({ connectionString: databaseUrl, application_name: 'nuanxin pg-boss setup' });
  // A connection lost while idle would otherwise raise an unhandled 'error' and end the process;
  // the statement in flight fails on its own and is handled below.
  session.on('error', (error) => console.error('[jobs] set-up lock connection lost:', error.message));
  await session.connect();
  try {
    await session.query(`SELECT pg_advisory_lock(${LOCK_KEY})`);
    const result = await work();
    await session.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
    return result;
  } finally {
    await session.end();
  }
}

/** Creates the queue unless it exists; call it only while holding the set-up lock. */
export async function createQueueIfMissing(boss: PgBoss, name: string): Promise<void> {
  if (!(await boss.getQueue(name))) await boss.createQueue(name);
}
