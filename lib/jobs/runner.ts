import PgBoss from 'pg-boss';
import { JOB_SCHEMA } from './boss';
import { JOBS } from './registry';
import { createQueueIfMissing, withJobSetupLock } from './setup-lock';

/**
 * Starts the workers and cron schedules of every registered job in this server process. Several
 * processes may run it: pg-boss hands each job to one of them. Their set-up (pg-boss's schema, its
 * cron queue, our queues and schedules) runs one process at a time (see setup-lock.ts).
 */
export async function startJobRunner(databaseUrl: string): Promise<{ stop(): Promise<void> }> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: JOB_SCHEMA, max: 3 });
  boss.on('error', (error) => console.error('[jobs] pg-boss error:', error));
  await withJobSetupLock(databaseUrl, async () => {
    await boss.start();
    for (const job of JOBS) {
      await createQueueIfMissing(boss, job.name);
      if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'Asia/Shanghai', retryLimit: job.retryLimit ?? 3 });
    }
  });
  for (const job of JOBS) {
    await boss.work<object>(job.name, { batchSize: 20, pollingIntervalSeconds: 2 }, async (jobs) => {
      await job.handle(
        jobs.map((j) => j.data),
        new Date(),
      );
    });
  }
  return {
    async stop() {
      // Lets running handlers finish before the database goes away.
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
