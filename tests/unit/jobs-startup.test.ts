import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { JOB_SCHEMA } from '@/lib/jobs/boss';
import { JOBS } from '@/lib/jobs/registry';

/**
 * Two server processes start their job runners at the same moment (WEB_CONCURRENCY=2). Each round
 * does that, in two real processes, on a database pg-boss has never seen: both install its
 * schema, create every queue and schedule every cron job at once. PostgreSQL must count no
 * deadlock, neither process may fail, and every queue and schedule must exist exactly once.
 */
const ROUNDS = Number(process.env.JOB_STARTUP_ROUNDS ?? 8);
const PROCESSES = 2;
const script = path.resolve('tests/support/start-job-runner.ts');

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

interface Runner {
  child: ChildProcess;
  ready: Promise<void>;
  done: Promise<{ code: number | null; stderr: string }>;
}

function runner(databaseUrl: string): Runner {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`runner exited (${code}) before it was ready: ${stderr}`)));
  });
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
  return { child, ready, done };
}

/** PostgreSQL's count of deadlocks in a database, once every backend on it has exited. */
async function deadlocksIn(c: pg.Client, name: string): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const { rows } = await c.query<{ n: string }>('SELECT count(*)::text AS n FROM pg_stat_activity WHERE datname = $1', [name]);
    if (rows[0]!.n === '0') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await c.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await c.query<{ deadlocks: string }>('SELECT deadlocks::text FROM pg_stat_database WHERE datname = $1', [name]);
  return Number(rows[0]?.deadlocks ?? 0);
}

describe('job runners of several processes starting together', () => {
  it(`${PROCESSES} processes start their runners at once, ${ROUNDS} times on fresh databases: no deadlock, no error, every queue and schedule exactly once`, async () => {
    const crons = JOBS.filter((j) => j.cron).map((j) => j.name).sort();
    expect(crons.length).toBeGreaterThan(1);
    const rounds: { deadlocks: number; failures: string[] }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const name = `nuanxin_jobs_${randomBytes(5).toString('hex')}`;
      await admin((c) => c.query(`CREATE DATABASE "${name}"`));
      const url = withDatabase(process.env.DATABASE_URL!, name);
      const runners = Array.from({ length: PROCESSES }, () => runner(url));
      try {
        await Promise.all(runners.map((r) => r.ready));
        for (const r of runners) r.child.stdin!.end('go\n');
        const outcomes = await Promise.all(runners.map((r) => r.done));
        const failures = outcomes.filter((o) => o.code !== 0).map((o) => o.stderr.split('\n').slice(0, 3).join(' '));
        if (failures.length === 0) {
          const db = new pg.Client({ connectionString: url });
          await db.connect();
          try {
            const schedules = await db.query<{ name: string; n: string }>(`SELECT name, count(*)::text AS n FROM ${JOB_SCHEMA}.schedule GROUP BY name ORDER BY name`);
            expect(schedules.rows).toEqual(crons.map((n) => ({ name: n, n: '1' })));
            // Each queue once, each with its own partition of the job table attached.
            const queues = await db.query<{ name: string; partitions: string }>(
              `SELECT q.name, (SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                               JOIN pg_namespace s ON s.oid = c.relnamespace
                               WHERE s.nspname = $1 AND c.relname = q.partition_name)::text AS partitions
               FROM ${JOB_SCHEMA}.queue q ORDER BY q.name`,
              [JOB_SCHEMA],
            );
            expect(queues.rows.map((q) => q.name)).toEqual([...JOBS.map((j) => j.name), '__pgboss__send-it'].sort());
            expect(queues.rows.filter((q) => q.partitions !== '1')).toEqual([]);
          } finally {
            await db.end();
          }
        }
        rounds.push({ deadlocks: await admin((c) => deadlocksIn(c, name)), failures });
      } finally {
        for (const r of runners) if (r.child.exitCode === null) r.child.kill('SIGKILL');
        await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      }
    }
    expect(rounds).toEqual(Array.from({ length: ROUNDS }, () => ({ deadlocks: 0, failures: [] })));
  }, 600_000);
});
