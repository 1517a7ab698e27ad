/**
 * `npm run bench`: the heating-season peak on this machine. Seeds N accounts with bills (default
 * 300,000) into a throw-away local database, starts the production server over TLS 1.3 with 1 and
 * with 2 processes, and drives it from this process over loopback with autocannon, bounded in time:
 *   - a signed-in resident's bills as JSON (/api/v1/bills) and as a page (/bills), random residents;
 *   - the household's payment history as JSON (/api/v1/payments) and as a page (/pay/history);
 *   - paying: POST /api/v1/payments → the payer confirms at the sandbox bank → the bank's signed
 *     notify over HTTPS → verified, bill paid (the bank's side runs in this process);
 *   - the same bill lookup in a bare node:http + pg server, the baseline;
 *   - the same lookup as the smallest dynamic Next.js page (scripts/bench/next-floor.ts), Next's floor;
 * printing requests/s, p50/p99, errors and the server's peak memory, and each ratio to the baseline.
 * Usage: npm run bench [-- --accounts 300000 --seconds 15 --processes 1,2 --only "bills JSON" --profile DIR]
 *
 * Comparing two versions of a page: the host's speed drifts by ±25 % within minutes, so separate
 * runs cannot tell a few per cent apart. `--paths "/bills,/bills#b" --repeat 6 --seconds 3`
 * drives each signed-in path at 50 connections in turn, six rounds on the same server, and prints
 * each path's median; a path ending in `#name` also sends the cookie `variant=name`, which a
 * temporary branch in the code under test can read.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { closeDb } from '../lib/db/client';
import { buildIsCurrent, sourceHash, writeBuildStamp } from '../lib/runtime/build-stamp';
import { exited, spawnServer } from '../lib/runtime/spawn-server';
import { createTestDatabase, testSecrets } from '../tests/support/test-database';
import { postgresCpuMs, treeCpuMs } from './bench/proc-cpu';
import { buildNextFloor, startNextFloor } from './bench/next-floor';
import { seedAccounts, seedSessions, type BenchSession } from './bench/seed';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string' },
    seconds: { type: 'string' },
    sessions: { type: 'string' },
    port: { type: 'string' },
    processes: { type: 'string' },
    only: { type: 'string' },
    profile: { type: 'string' },
    paths: { type: 'string' },
    repeat: { type: 'string' },
  },
});
const ACCOUNTS = Number(values.accounts ?? 300_000);
const SECONDS = Number(values.seconds ?? 15);
const SESSIONS = Number(values.sessions ?? 2000);
const PORT = Number(values.port ?? 4643);
const PROCESSES = (values.processes ?? '1,2').split(',').map(Number);
/** Scenario names to run (substring match), e.g. `--only "bills JSON"`; all when absent. */
const ONLY = values.only?.split(',').map((s) => s.trim());
const wanted = (scenario: string) => !ONLY || ONLY.some((o) => scenario.includes(o));
/** A directory for the server's CPU profiles (node --cpu-prof), one per process, written when it stops. */
const PROFILE_DIR = values.profile ? path.resolve(values.profile) : undefined;
/** Signed-in paths to compare instead of the standard scenarios, each driven `REPEAT` times, interleaved. */
const PATHS = values.paths?.split(',').map((s) => s.trim()).filter(Boolean);
const REPEAT = Number(values.repeat ?? 1);
const root = process.cwd();

interface Row {
  scenario: string;
  processes: number | '-';
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  peakRssMb: number;
  /** CPU per request: the server's processes, and PostgreSQL's (comparable across runs on a busy machine). */
  serverCpuMs: number;
  pgCpuMs: number;
  /** Mean response size in KB, headers included (autocannon's bytes read per request). */
  kb: number;
}

function psRss(args: string[]): number {
  try {
    return execFileSync('ps', ['-o', 'rss=', ...args]).toString().split(/\s+/).filter(Boolean).reduce((sum, kb) => sum + Number(kb), 0);
  } catch {
    // ps exits 1 when nothing matches (a process without children).
    return 0;
  }
}

/** The server's memory: the process and, with several processes, its workers. */
function rssMb(pid: number): number {
  return (psRss(['-p', String(pid)]) + psRss(['--ppid', String(pid)])) / 1024;
}

let pgPort = 0;

/** CPU used by the server (pid and its workers) and by PostgreSQL from now on, per request, when `done` is called. */
function cpuMeter(pid: number): (requests: number) => { serverCpuMs: number; pgCpuMs: number } {
  const server0 = treeCpuMs(String(pid)) ?? NaN;
  const pg0 = postgresCpuMs(pgPort) ?? NaN;
  return (requests) => ({
    serverCpuMs: ((treeCpuMs(String(pid)) ?? NaN) - server0) / requests,
    pgCpuMs: ((postgresCpuMs(pgPort) ?? NaN) - pg0) / requests,
  });
}

async function drive(url: string, connections: number, seconds: number, setup: (req: autocannon.Request) => autocannon.Request, pid: number): Promise<Omit<Row, 'scenario' | 'processes'>> {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 500);
  const cpu = cpuMeter(pid);
  const result = await autocannon({ url, connections, duration: seconds, requests: [{ setupRequest: setup }] });
  clearInterval(sampler);
  return {
    connections,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
    peakRssMb: Math.round(peak),
    ...cpu(result.requests.total),
    kb: result.throughput.total / Math.max(1, result.requests.total) / 1024,
  };
}

/**
 * C residents at a time each pay their bill: create over HTTPS, the bank's decision, its signed
 * notify over HTTPS (acknowledged only once the bill is credited). Bounded by time and by bills.
 */
async function payBills(origin: string, sessions: BenchSession[], concurrency: number, seconds: number, pid: number): Promise<Omit<Row, 'scenario' | 'processes'>> {
  const { sandboxBankSide } = await import('../lib/sandbox-bank/config');
  const { decideTrade } = await import('../lib/sandbox-bank/trades');
  const { deliverTradeNotify } = await import('../lib/sandbox-bank/notify-job');
  const side = sandboxBankSide();
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 500);
  const cpu = cpuMeter(pid);
  const deadline = Date.now() + seconds * 1000;
  const started = performance.now();
  async function worker(): Promise<void> {
    for (let i = next++; i < sessions.length && Date.now() < deadline; i = next++) {
      const session = sessions[i]!;
      const t0 = performance.now();
      try {
        const response = await fetch(`${origin}/api/v1/payments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin, cookie: session.cookie },
          body: JSON.stringify({ billId: session.billId, channel: 'sandbox-bank', idempotencyKey: crypto.randomUUID() }),
        });
        const body = (await response.json()) as { launch?: { kind: string; url?: string } };
        if (response.status !== 201 || body.launch?.kind !== 'hosted' || !body.launch.url) throw new Error(`create: ${response.status}`);
        const bankTradeNo = body.launch.url.slice(body.launch.url.lastIndexOf('/') + 1);
        const trade = await decideTrade(bankTradeNo, 'pay', new Date());
        if (!(await deliverTradeNotify(side, trade, new Date()))) throw new Error('notify not acknowledged');
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors++;
        if (errors <= 3) console.warn(`[bench] payment failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  clearInterval(sampler);
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN);
  // The bank's side runs in this process: its CPU is not counted in the server's.
  return { connections: concurrency, rps: Math.round(latencies.length / elapsed), p50: at(0.5), p99: at(0.99), errors, peakRssMb: Math.round(peak), ...cpu(latencies.length), kb: NaN };
}

const BASELINE = 'bare node:http + pg (baseline)';
/** The same lookup as the smallest dynamic Next.js page (scripts/bench/next-floor.ts): Next's own cost per page. */
const FLOOR = "Next's floor: minimal dynamic page + pg, plain HTTP";

const pick = (sessions: BenchSession[]) => sessions[Math.floor(Math.random() * sessions.length)]!;

async function waitHealthy(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error('the server exited while starting');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer from ${url}`);
}

async function main(): Promise<void> {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  const db = await createTestDatabase(root);
  pgPort = Number(new URL(db.url).port);
  const port = PORT;
  // The sandbox bank pays in the payment scenario; notifies come from this process (JOBS=0 below).
  Object.assign(process.env, testSecrets(), { DATABASE_URL: db.url, NUANXIN_DEMO: '0', SANDBOX_BANK: '1', PUBLIC_ORIGIN: `https://127.0.0.1:${port}` });
  const rows: Row[] = [];
  try {
    const t = Date.now();
    await seedAccounts(ACCOUNTS);
    const sessions = await seedSessions(SESSIONS);
    console.info(`Seeded ${ACCOUNTS.toLocaleString('en')} accounts with bills and ${SESSIONS} signed-in residents in ${((Date.now() - t) / 1000).toFixed(0)} s`);
    if (!(await buildIsCurrent(root))) {
      const hash = await sourceHash(root);
      await new Promise<void>((resolve, reject) =>
        spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
          .on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build exited ${code}`)))),
      );
      await writeBuildStamp(root, hash);
    }

    const byAccount = (req: autocannon.Request) => ({ ...req, path: `/?account=${pick(sessions).accountId}` });
    if (wanted(BASELINE)) {
      const bare = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/bare-server.ts'], {
        env: { ...process.env, PORT: String(port + 1) },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      await new Promise((resolve) => bare.once('message', resolve));
      rows.push({ scenario: BASELINE, processes: '-', ...(await drive(`http://127.0.0.1:${port + 1}/`, 50, SECONDS, byAccount, bare.pid!)) });
      bare.kill('SIGTERM');
      await exited(bare);
    }
    if (wanted(FLOOR)) {
      const floor = startNextFloor(root, await buildNextFloor(root), port + 2, process.env);
      const floorUrl = `http://127.0.0.1:${port + 2}/`;
      await waitHealthy(`${floorUrl}?account=${pick(sessions).accountId}`, floor);
      await drive(floorUrl, 10, 3, byAccount, floor.pid!);
      rows.push({ scenario: FLOOR, processes: 1, ...(await drive(floorUrl, 50, SECONDS, byAccount, floor.pid!)) });
      floor.kill('SIGTERM');
      await exited(floor);
    }

    for (const processes of PROCESSES) {
      const server = await spawnServer(root, {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        HTTPS_PORT: String(port),
        HTTP_PORT: '0',
        WEB_CONCURRENCY: String(processes),
        DATABASE_POOL_MAX: '10',
        JOBS: '0',
      }, PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []);
      const url = `https://127.0.0.1:${port}`;
      await waitHealthy(`${url}/api/health`, server);
      const withCookie = (target: string) => {
        const [p, variant] = target.split('#');
        const extra = variant === undefined ? '' : `; variant=${variant}`;
        return (req: autocannon.Request) => ({ ...req, path: p!, headers: { ...req.headers, cookie: pick(sessions).cookie + extra } });
      };
      // Warm-up: first requests load each route's code, let V8 optimise it and fill the pools.
      for (const p of PATHS ?? ['/api/v1/bills', '/bills', '/api/v1/payments', '/pay/history']) await drive(url, 10, 3, withCookie(p), server.pid!);
      if (PATHS) {
        for (let round = 0; round < REPEAT; round++) {
          for (const p of PATHS) rows.push({ scenario: p, processes, ...(await drive(url, 50, SECONDS, withCookie(p), server.pid!)) });
        }
        server.kill('SIGTERM');
        await exited(server);
        continue;
      }
      // Each run pays its own share of the signed-in residents' bills (a paid bill cannot be paid again).
      const share = sessions.length / PROCESSES.length;
      const mine = sessions.slice(PROCESSES.indexOf(processes) * share, (PROCESSES.indexOf(processes) + 1) * share);
      const scenarios: [string, () => Promise<Omit<Row, 'scenario' | 'processes'>>][] = [
        ['bills JSON API', () => drive(url, 50, SECONDS, withCookie('/api/v1/bills'), server.pid!)],
        ['signed-in bills page', () => drive(url, 50, SECONDS, withCookie('/bills'), server.pid!)],
        ['bills JSON API', () => drive(url, 200, SECONDS, withCookie('/api/v1/bills'), server.pid!)],
        ['signed-in bills page, 200 connections', () => drive(url, 200, SECONDS, withCookie('/bills'), server.pid!)],
        ['payment history JSON API', () => drive(url, 50, SECONDS, withCookie('/api/v1/payments'), server.pid!)],
        ['payment history page', () => drive(url, 50, SECONDS, withCookie('/pay/history'), server.pid!)],
        ['pay: create → bank notify → bill paid (payments/s)', () => payBills(url, mine, 16, SECONDS, server.pid!)],
      ];
      for (const [scenario, run] of scenarios) if (wanted(scenario)) rows.push({ scenario, processes, ...(await run()) });
      server.kill('SIGTERM');
      await exited(server);
    }
  } finally {
    await closeDb();
    await db.drop();
  }

  const baseline = rows.find((r) => r.scenario === BASELINE)?.rps ?? NaN;
  console.info(`\nNode ${process.version}, ${execFileSync('nproc').toString().trim()} cores; ${ACCOUNTS.toLocaleString('en')} accounts; ${SECONDS} s per run`);
  console.info('| scenario | processes | connections | req/s | × baseline | p50 ms | p99 ms | errors | peak RSS MB | CPU ms/req server + PostgreSQL | KB/response |');
  console.info('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const cpu = `${r.serverCpuMs.toFixed(2)} + ${r.pgCpuMs.toFixed(2)}`;
    console.info(`| ${r.scenario} | ${r.processes} | ${r.connections} | ${r.rps.toLocaleString('en')} | ${(r.rps / baseline).toFixed(3)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.peakRssMb} | ${cpu} | ${Number.isNaN(r.kb) ? '-' : r.kb.toFixed(1)} |`);
  }
  if (PATHS && REPEAT > 1) printMedians(rows);
}

/** Per path and process count over the interleaved rounds: the median req/s and CPU per request. */
function printMedians(rows: Row[]): void {
  const median = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  console.info('\n| path | processes | rounds | median req/s | range | median CPU ms/req server + PostgreSQL |');
  console.info('| --- | --- | --- | --- | --- | --- |');
  for (const processes of PROCESSES) {
    for (const p of PATHS ?? []) {
      const mine = rows.filter((r) => r.scenario === p && r.processes === processes);
      const rps = mine.map((r) => r.rps);
      console.info(`| ${p} | ${processes} | ${mine.length} | ${median(rps)} | ${Math.min(...rps)}–${Math.max(...rps)} | ${median(mine.map((r) => r.serverCpuMs)).toFixed(2)} + ${median(mine.map((r) => r.pgCpuMs)).toFixed(2)} |`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
