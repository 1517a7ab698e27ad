import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBillsForSession, residentBillsForSession } from '@/lib/bills/resident-bills';
import { pool } from '@/lib/db/client';
import { createPayment } from '@/lib/payments/create-payment';
import { queryDuePayments } from '@/lib/payments/query-job';
import { listPaymentsForSession } from '@/lib/payments/resident-payments';
import { searchPayments } from '@/lib/payments/staff-payments';
import { deliverTradeNotify } from '@/lib/sandbox-bank/notify-job';
import { decideTrade, findTrade } from '@/lib/sandbox-bank/trades';
import { seedBill, startSandboxWorld, type SandboxWorld } from '../payments/db-support';

/**
 * Every statement the hot paths send (a resident's bills and payment history, paying, the
 * notify, the query sweep, staff search) is captured as sent and planned with sequential scans
 * switched off: a table read without an index condition then means no index serves that lookup,
 * which at 300,000 accounts is a full scan on every request.
 */
interface Sent {
  text: string;
  values: unknown[];
}

const sent: Sent[] = [];
let capturing = false;
const originalQuery = pg.Client.prototype.query;
let world: SandboxWorld;

beforeAll(async () => {
  world = await startSandboxWorld();
  pg.Client.prototype.query = function capture(this: pg.Client, ...args: unknown[]) {
    const [first, second] = args as [unknown, unknown];
    if (capturing && typeof first === 'string') sent.push({ text: first, values: Array.isArray(second) ? second : [] });
    // Named statements arrive as a config object ({ name, text, values }).
    else if (capturing && typeof first === 'object' && first !== null && 'text' in first) {
      const config = first as { text: string; values?: unknown[] };
      sent.push({ text: config.text, values: config.values ?? [] });
    }
    // Pipelines (lib/db/pipeline.ts) carry their statements.
    else if (capturing && typeof first === 'object' && first !== null && 'statements' in first) {
      for (const s of (first as { statements: { text: string; values?: unknown[] }[] }).statements) sent.push({ text: s.text, values: s.values ?? [] });
    }
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
});

afterAll(async () => {
  pg.Client.prototype.query = originalQuery;
  await world.bank.close();
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  Plans?: PlanNode[];
}

function unindexedReads(node: PlanNode, out: string[] = []): string[] {
  const scansTable = node['Relation Name'] !== undefined && /Scan$/.test(node['Node Type']);
  if (scansTable && !node['Index Cond'] && !node['Recheck Cond']) out.push(`${node['Node Type']} on ${node['Relation Name']}`);
  for (const child of node.Plans ?? []) unindexedReads(child, out);
  return out;
}

/** Keeps the statements that read or write rows. */
function statements(s: Sent): Sent[] {
  const text = s.text.trim();
  return /^(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i.test(text) && !/pgboss\./.test(text) ? [{ text, values: s.values }] : [];
}

async function plan(s: Sent): Promise<string[]> {
  const client = await pool().connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL enable_seqscan = off');
    const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${s.text}`, s.values);
    return unindexedReads(rows[0]!['QUERY PLAN'][0].Plan);
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

async function signedIn(residentId: string): Promise<string> {
  const { rows } = await pool().query<{ id: string }>(
    `INSERT INTO auth_session (kind, subject_id, expires_at, claimed) VALUES ('RESIDENT', $1, now() + interval '1 hour', true) RETURNING id`,
    [residentId],
  );
  return rows[0]!.id;
}

describe('the hot paths read through indexes only', () => {
  it('the check itself finds a lookup no index serves', async () => {
    expect(await plan({ text: 'SELECT id FROM payment WHERE amount_fen = $1', values: ['5'] })).toEqual(['Seq Scan on payment']);
    expect(await plan({ text: 'SELECT id FROM payment WHERE out_trade_no = $1', values: ['NX1'] })).toEqual([]);
  });

  it('bills (API and page), payment history, paying, the notify, the query sweep and staff search', async () => {
    const { residentId, billId, accountNo, utilityId } = await seedBill();
    const sid = await signedIn(residentId);
    capturing = true;
    await listBillsForSession(sid, new Date());
    await residentBillsForSession(sid, new Date());
    await listPaymentsForSession(sid, new Date());
    const started = await createPayment(world.channels, {
      residentId,
      billId,
      channel: 'sandbox-bank',
      idempotencyKey: randomUUID(),
      origin: 'https://nuanxin.test',
      limitMinutes: 15,
      now: new Date(),
    });
    const trade = await findTrade(pool(), { merchantId: world.side.merchantId, outTradeNo: started.payment.outTradeNo });
    await decideTrade(trade!.bankTradeNo, 'pay', new Date());
    expect(await deliverTradeNotify(world.side, trade!.bankTradeNo, new Date())).toBe(true);
    await queryDuePayments(world.channels, new Date(), { residentId });
    await searchPayments(utilityId, { query: accountNo });
    await searchPayments(utilityId, { query: started.payment.outTradeNo });
    capturing = false;

    const problems: string[] = [];
    const planned = sent.flatMap(statements);
    expect(planned.length).toBeGreaterThan(15);
    // The three session reads (named statements) are among them.
    expect(planned.filter((s) => /FROM auth_session/.test(s.text))).toHaveLength(3);
    if (process.env.SHOW_PLANS) for (const s of planned) console.info(s.text.replace(/\s+/g, ' ').slice(0, 120));
    for (const s of planned) {
      const reads = await plan(s);
      if (reads.length > 0) problems.push(`${reads.join(', ')}\n  in: ${s.text.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
    expect(problems).toEqual([]);
  });
});
