import https from 'node:https';
import { pool } from '@/lib/db/client';
import { seedSucceededPayment, billOf } from '../e2e/payments-support';
import { fileFor, seedHome, seedTown } from '../e2e/complaints-support';
import { seedBills } from '../e2e/support';
import { hugeRequests, malformedActionBodies, requests, serverActions, type HostileRequest, type Targets } from './hostile-requests';
import { expect, residentCookie, test } from './world';

/**
 * 10,000 malformed or hostile requests against both server processes: none may be answered with
 * a 5xx, and the money and complaint tables must be exactly as before.
 */
const COUNT = Number(process.env.HOSTILE_REQUESTS ?? 10_000);
const CONCURRENCY = 16;

/** A checksum per money/complaint table: every row's text, order-independent. */
async function checksums(): Promise<Record<string, string>> {
  const { rows: tables } = await pool().query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
       AND table_name ~ '^(bill|payment|refund|complaint|work_order|incident|sandbox_bank_trade|sandbox_bank_refund|resident_account|heating_account|closure_request|utility|tariff)'
     ORDER BY 1`,
  );
  const sums: Record<string, string> = {};
  for (const { name } of tables) {
    const { rows } = await pool().query<{ sum: string; n: string }>(
      `SELECT md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) AS sum, count(*)::text AS n FROM "${name}" t`,
    );
    sums[name] = `${rows[0]!.n}:${rows[0]!.sum}`;
  }
  return sums;
}

interface Outcome {
  status: number;
  error?: string;
}

/** One retry when a kept-alive connection was closed by the server just as it was reused. */
async function send(agent: https.Agent, port: number, r: HostileRequest): Promise<Outcome> {
  const first = await sendOnce(agent, port, r);
  return first.error === 'read ECONNRESET' || first.error === 'socket hang up' ? sendOnce(agent, port, r) : first;
}

function sendOnce(agent: https.Agent, port: number, r: HostileRequest): Promise<Outcome> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { host: `localhost:${port}`, ...r.headers };
    if (!headers.cookie) delete headers.cookie;
    if (headers.origin === 'self') headers.origin = `https://localhost:${port}`;
    if (r.body !== undefined) headers['content-length'] = String(Buffer.byteLength(r.body));
    // What goes on the wire must be valid HTTP/1.1 octets: hostile text is percent-encoded there.
    const wire = (text: string) => text.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
    for (const name of Object.keys(headers)) headers[name] = headers[name]!.replace(/[^\x20-\x7e]/gu, (c) => encodeURIComponent(c));
    const req = https.request({ host: '127.0.0.1', port, method: r.method, path: wire(r.path), headers, agent, servername: 'localhost', rejectUnauthorized: false, timeout: 30_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
      res.on('error', (e) => resolve({ status: res.statusCode ?? 0, error: e.message }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, error: e.message }));
    if (r.body !== undefined) req.end(r.body);
    else req.end();
  });
}

/** The victim: a paid bill, an open complaint, a signed-in session. The attacker: signed in too. */
async function seedTargets(): Promise<Targets> {
  const town = await seedTown();
  const victim = await seedHome(town);
  await seedBills(town.utilityId, [victim.accountId]);
  const victimBill = await billOf(victim.accountId, 2026);
  const victimPayment = await seedSucceededPayment(victim.residentId, await billOf(victim.accountId, 2025));
  const complaint = await fileFor(victim);
  const attacker = await seedHome(town);
  await seedBills(town.utilityId, [attacker.accountId]);
  return {
    attackerCookie: await residentCookie(attacker.residentId),
    victim: {
      billId: victimBill, paymentId: victimPayment, accountId: victim.accountId, complaintId: complaint.complaintId,
      workOrderId: complaint.workOrderId, residentId: victim.residentId, sessionCookie: await residentCookie(victim.residentId),
    },
  };
}

test('10,000 hostile requests: no 5xx, no change to money or complaints', async ({ world }) => {
  // ≈ 14 requests/s on the shared 2-core machine under load; far faster on an idle one.
  test.setTimeout(900_000);
  const targets = await seedTargets();
  const actions = serverActions();
  expect(actions.length).toBeGreaterThan(10);

  const before = await checksums();
  expect(Object.keys(before)).toEqual(expect.arrayContaining(['bill', 'bill_ledger', 'payment', 'complaint', 'work_order']));

  const agents = [world.a, world.b].map((s) => ({ port: s.port, agent: new https.Agent({ keepAlive: true, maxSockets: CONCURRENCY / 2 }) }));
  const findings = new Map<string, { count: number; sample: string }>();
  const statuses = new Map<number, number>();
  const note = (r: HostileRequest, o: Outcome) => {
    statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
    if (o.status >= 500 || o.status === 0) {
      const key = `${o.status || o.error} ${r.kind}`;
      const seen = findings.get(key) ?? { count: 0, sample: `${r.method} ${r.path.slice(0, 120)}` };
      findings.set(key, { ...seen, count: seen.count + 1 });
    }
  };

  const started = Date.now();
  const queue = requests(COUNT, targets, actions);
  let sent = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, w) => {
      const target = agents[w % agents.length]!;
      for (let next = queue.next(); !next.done; next = queue.next()) {
        note(next.value, await send(target.agent, target.port, next.value));
        sent++;
      }
    }),
  );
  // Oversized bodies, one at a time on fresh connections (the server may close them after refusing).
  for (const r of hugeRequests(targets, actions)) {
    const agent = new https.Agent({ keepAlive: false });
    const outcome = await send(agent, world.a.port, r);
    // Refusing to read a 13 MB body may end the connection before the upload finishes (EPIPE or
    // ECONNRESET after the answer); what must never happen is a 5xx.
    if (outcome.status >= 500) note(r, outcome);
    else statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
    sent++;
  }
  for (const { agent } of agents) agent.destroy();
  const seconds = (Date.now() - started) / 1000;
  console.info(`[hostile] ${sent} requests in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);

  expect(Object.fromEntries(findings)).toEqual({});
  expect(sent).toBe(COUNT + hugeRequests(targets, actions).length);
  expect(await checksums()).toEqual(before);
  // Both processes still answer.
  for (const s of [world.a, world.b]) expect((await fetch(`https://127.0.0.1:${s.port}/api/health`)).status).toBe(200);
});

// Next 16 answers server-action bodies it cannot decode with a 500 before any Nuanxin code runs:
// server.ts checks each body against React's encoding first (lib/server/action-body.ts).
test('server-action bodies React could not have encoded are refused with a 4xx', async ({ world }) => {
  const targets = await seedTargets();
  const agent = new https.Agent({ keepAlive: true, maxSockets: 4 });
  const statuses: number[] = [];
  for (const r of malformedActionBodies(200, targets, serverActions())) statuses.push((await send(agent, world.a.port, r)).status);
  agent.destroy();
  expect(statuses.filter((s) => s >= 500 || s === 0)).toEqual([]);
  expect(statuses.filter((s) => s === 400).length).toBeGreaterThan(0);
});
