/**
 * Benchmark of paying bills through the built-in sandbox bank, server side: seeds N issued
 * bills into a throw-away local database, then for each one, C at a time: create the payment
 * (the bank's gateway over loopback HTTP, signed) → the payer confirms at the bank → the bank's
 * signed notify over HTTP → verified, applied, bill credited. Prints throughput and latencies.
 * Usage: npm run bench:payments [-- --payments 3000 --concurrency 32 --statements]
 *        npm run bench:payments [-- --payments 6000 --rate 300 --warmup 1000]
 * --rate R starts R payments a second on a fixed schedule, however many are still running (open
 * loop, as residents arrive), and times each from its scheduled start, so a server falling behind
 * shows in the latencies instead of slowing the arrivals down.
 * --statements times every statement the pool sends (wall clock from send to answer, best read at
 * --concurrency 1) and prints where the time per payment goes.
 * BENCH_PG_OPTIONS="-c synchronous_commit=off" compares against non-durable commits (diagnosis only).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createTestDatabase, testSecrets } from '../tests/support/test-database';
import { ownCpuMs, postgresCpuMs } from './bench/proc-cpu';

const { values } = parseArgs({
  options: { payments: { type: 'string' }, concurrency: { type: 'string' }, rate: { type: 'string' }, warmup: { type: 'string' }, statements: { type: 'boolean' } },
});
const n = Number(values.payments ?? 3000);
const concurrency = Number(values.concurrency ?? 32);
const rate = values.rate === undefined ? null : Number(values.rate);
/** Payments made first and not counted: they open the pool's connections, plan its statements and let V8 compile the path. */
const warmup = Number(values.warmup ?? 1000);

const db = await createTestDatabase();
Object.assign(process.env, testSecrets(), { DATABASE_URL: process.env.BENCH_PG_OPTIONS ? `${db.url}?options=${encodeURIComponent(process.env.BENCH_PG_OPTIONS)}` : db.url, NUANXIN_DEMO: '0', DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? '20' });

// Imported after the environment is set: lib/env.ts reads it once.
const { HARBIN_LIKE_TARIFF } = await import('../lib/billing/example-tariffs');
const { issueSeasonBills } = await import('../lib/bills/issue-bills');
const { saveTariff } = await import('../lib/bills/save-tariff');
const { closeDb, pool } = await import('../lib/db/client');
const { boss } = await import('../lib/jobs/boss');
const { createConfiguredChannels } = await import('../lib/payments/channels/registry');
const { sandboxBankConfigSchema } = await import('../lib/payments/channels/sandbox-bank/config');
const { createPayment } = await import('../lib/payments/create-payment');
const { postgresReplayGuard } = await import('../lib/payments/replay-guard');
const { startLoopbackBank } = await import('../lib/sandbox-bank/loopback-server');
const { deliverTradeNotify } = await import('../lib/sandbox-bank/notify-job');
const { decideTrade } = await import('../lib/sandbox-bank/trades');
const { seedResident, randomTestPhone } = await import('../lib/seed/records');
type Channels = import('../lib/payments/app-channels').Channels;
type Side = import('../lib/sandbox-bank/config').SandboxBankSide;

/** Wraps pg's Client.query to sum the time each statement (by its first 110 characters) takes. */
function timeStatements(): Map<string, { ms: number; count: number }> {
  const totals = new Map<string, { ms: number; count: number }>();
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function timed(this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string; statements?: { name?: string; text: string }[] };
    // A pipeline (lib/db/pipeline.ts) sums as one round trip, named by its statements.
    const sql =
      typeof first === 'string' ? first : first?.statements ? `pipeline: ${first.statements.map((s) => s.name ?? s.text.slice(0, 20)).join(' + ')}` : (first?.text ?? '?');
    const text = sql.replace(/'(?:[^']|'')*'/g, "'…'").replace(/\s+/g, ' ').trim().slice(0, 110);
    const t0 = performance.now();
    const result = original.apply(this, args);
    const done = () => {
      const entry = totals.get(text) ?? { ms: 0, count: 0 };
      entry.ms += performance.now() - t0;
      entry.count++;
      totals.set(text, entry);
    };
    if (result instanceof Promise) result.then(done, done);
    return result;
  } as typeof pg.Client.prototype.query;
  return totals;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const stop: (() => Promise<void>)[] = [];
try {
  const seedStart = Date.now();
  const { rows } = await pool().query<{ id: string }>(
    `INSERT INTO utility (code, name, name_en, hotline, service_promise, payment_settings)
     VALUES ('bench', '压测热力', 'Bench Heating', '96069', '{}', '{}') RETURNING id`,
  );
  const utilityId = rows[0]!.id;
  await pool().query(
    `WITH s AS (INSERT INTO station (utility_id, code, name) VALUES ($1, 'S1', '换热站') RETURNING id),
          b AS (INSERT INTO building (station_id, name, address) SELECT id, '1 号楼', '压测路 1 号' FROM s RETURNING id)
     INSERT INTO heating_account (utility_id, account_no, holder_name, building_id, unit, address, building_area_m2, usable_area_m2)
     SELECT $1, 'P' || lpad(g::text, 9, '0'), '住户' || g, b.id, '1-' || g, '压测小区', 100.00, 80.00
     FROM generate_series(1, $2::int) g, b`,
    [utilityId, n + warmup],
  );
  const residentId = await seedResident(randomTestPhone(), '压测住户', []);
  await pool().query(`INSERT INTO resident_account (resident_id, account_id) SELECT $1, id FROM heating_account WHERE utility_id = $2`, [
    residentId,
    utilityId,
  ]);
  await saveTariff(utilityId, 2026, '压测价格', HARBIN_LIKE_TARIFF);
  await issueSeasonBills(2026, new Date('2026-10-15T09:00:00+08:00'));
  const seeded = (await pool().query<{ id: string }>(`SELECT id FROM bill WHERE utility_id = $1`, [utilityId])).rows.map((r) => r.id);
  const warmBills = seeded.slice(0, warmup);
  const bills = seeded.slice(warmup);
  await boss(); // pg-boss creates its schema once; not part of any payment's time.
  await pool().query('ANALYZE');
  console.info(`Seeded ${seeded.length.toLocaleString('en')} issued bills in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

  const world = {} as { side: Side; channels: Channels };
  const bank = await startLoopbackBank(() => world.side, () => world.channels);
  stop.push(() => bank.close());
  world.side = { merchantId: 'NX-BENCH-0001', secret: randomBytes(32).toString('hex'), publicUrl: bank.url };
  world.channels = createConfiguredChannels(
    {
      sandboxBank: sandboxBankConfigSchema.parse({
        ...world.side,
        baseUrl: bank.url,
        notifyUrl: bank.notifyUrl,
        refundNotifyUrl: `${bank.notifyUrl}/refund`,
      }),
    },
    { replayGuard: postgresReplayGuard },
  );

  const total: number[] = [];
  const createMs: number[] = [];
  const notifyMs: number[] = [];
  /** One resident pays one bill; times are measured from `start` (the scheduled start in --rate). */
  async function pay(billId: string, start: number): Promise<void> {
    const { payment } = await createPayment(world.channels, {
      residentId,
      billId,
      channel: 'sandbox-bank',
      idempotencyKey: randomUUID(),
      origin: 'https://nuanxin.bench',
      limitMinutes: 15,
      now: new Date(),
    });
    const t1 = performance.now();
    // The payer opens the bank's page from the launch address and pays.
    const launch = payment.launch;
    if (launch?.kind !== 'hosted') throw new Error(`no bank page for ${payment.outTradeNo}`);
    const trade = await decideTrade(launch.url.slice(launch.url.lastIndexOf('/') + 1), 'pay', new Date());
    const t2 = performance.now();
    if (!(await deliverTradeNotify(world.side, trade, new Date()))) throw new Error(`notify of ${payment.outTradeNo} refused`);
    const t3 = performance.now();
    createMs.push(t1 - start);
    notifyMs.push(t3 - t2);
    total.push(t3 - start);
  }
  let next = 0;
  async function worker(list: string[]): Promise<void> {
    for (let i = next++; i < list.length; i = next++) await pay(list[i]!, performance.now());
  }
  let mostInFlight = 0;
  /** Open loop: payment i starts at i / rate seconds, whether or not earlier ones have finished. */
  async function arrivals(list: string[], perSecond: number): Promise<void> {
    const begin = performance.now();
    const running = new Set<Promise<void>>();
    for (let i = 0; i < list.length; i++) {
      const due = begin + (i * 1000) / perSecond;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const one = pay(list[i]!, due).finally(() => running.delete(one));
      running.add(one);
      mostInFlight = Math.max(mostInFlight, running.size);
    }
    await Promise.all(running);
  }
  const run = (list: string[]) => (rate === null ? Promise.all(Array.from({ length: concurrency }, () => worker(list))) : arrivals(list, rate));
  // Warm-up in the same shape as the run, not counted.
  await run(warmBills);
  next = 0;
  mostInFlight = 0;
  for (const list of [total, createMs, notifyMs]) list.length = 0;
  const timings = values.statements ? timeStatements() : null;
  const pgPort = Number(new URL(db.url).port);
  const cpuBefore = { node: ownCpuMs(), pg: postgresCpuMs(pgPort), usage: process.cpuUsage() };
  const started = performance.now();
  await run(bills);
  const seconds = (performance.now() - started) / 1000;
  const nodeCpu = (ownCpuMs() - cpuBefore.node) / bills.length;
  // Kernel time is mostly loopback TCP (PostgreSQL, the bank's HTTP): the share the network stack takes.
  const nodeSystemMs = process.cpuUsage(cpuBefore.usage).system / 1000 / bills.length;
  const pgAfter = postgresCpuMs(pgPort);
  const pgCpu = pgAfter === null || cpuBefore.pg === null ? null : (pgAfter - cpuBefore.pg) / bills.length;

  // Warm-up payments included: every seeded bill is paid once.
  const check = await pool().query<{ paid: string; ledger: string; succeeded: string }>(
    `SELECT (SELECT count(*) FROM bill WHERE status = 'PAID')::text AS paid,
            (SELECT count(*) FROM bill_ledger WHERE kind = 'payment')::text AS ledger,
            (SELECT count(*) FROM payment WHERE status = 'succeeded')::text AS succeeded`,
  );
  for (const list of [total, createMs, notifyMs]) list.sort((a, b) => a - b);
  const fmt = (list: number[]) => `p50 ${percentile(list, 50).toFixed(1)} ms · p99 ${percentile(list, 99).toFixed(1)} ms`;
  const load = rate === null ? `${concurrency} at a time` : `started at ${rate}/s (at most ${mostInFlight} at once)`;
  console.info(`\n${bills.length.toLocaleString('en')} payments, ${load}, ${availableParallelism()} cores, pool ${process.env.DATABASE_POOL_MAX}`);
  console.info(`Settled ${Math.round(bills.length / seconds).toLocaleString('en')} payments/s (${seconds.toFixed(1)} s)`);
  console.info(`create → verified notify → bill paid: ${fmt(total)}`);
  const cpuLine = pgCpu === null ? `${nodeCpu.toFixed(2)} ms in Node` : `${(nodeCpu + pgCpu).toFixed(2)} ms (Node ${nodeCpu.toFixed(2)} · PostgreSQL ${pgCpu.toFixed(2)})`;
  console.info(`  of which Node in the kernel (sockets): ${nodeSystemMs.toFixed(2)} ms`);
  console.info(`CPU per payment, bank included: ${cpuLine} → at most ~${Math.round((availableParallelism() * 1000) / (nodeCpu + (pgCpu ?? 0)))} payments/s on ${availableParallelism()} idle cores`);
  console.info(`  create (bank gateway round trip): ${fmt(createMs)}`);
  console.info(`  notify → verified → bill paid:    ${fmt(notifyMs)}`);
  if (timings) {
    console.info('\nStatements per payment (wall clock, send → answer):');
    const rows = [...timings].sort((a, b) => b[1].ms - a[1].ms);
    for (const [text, t] of rows.slice(0, 25)) {
      console.info(`${(t.ms / bills.length).toFixed(2).padStart(7)} ms  ×${(t.count / bills.length).toFixed(1)}  ${text}`);
    }
    console.info(`${(rows.reduce((sum, [, t]) => sum + t.ms, 0) / bills.length).toFixed(2).padStart(7)} ms  in all`);
  }
  console.info(`Check: ${check.rows[0]!.succeeded} succeeded, ${check.rows[0]!.ledger} ledger entries, ${check.rows[0]!.paid} bills paid`);
} finally {
  for (const close of stop) await close();
  const { boss: b } = await import('../lib/jobs/boss');
  await (await b()).stop({ graceful: false, wait: true });
  await closeDb();
  await db.drop();
}
