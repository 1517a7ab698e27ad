import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, pool } from '@/lib/db/client';
import { withTransaction } from '@/lib/db/transaction';

afterAll(async () => {
  await closeDb();
});

/** Keyed-hash (HMAC) columns looked up by exact value (lib/privacy, lib/auth, lib/onboarding). */
const LOOKUPS = [
  { table: 'heating_account', column: 'holder_phone_hash' },
  { table: 'heating_account', column: 'holder_id_no_hash' },
  { table: 'resident', column: 'phone_hash' },
  { table: 'otp_challenge', column: 'phone_hash' },
] as const;

/** Hashes that are verified, never searched for (passwords, codes and secrets found by another key). */
const NOT_LOOKED_UP = new Set(['staff.password_hash', 'otp_challenge.code_hash', 'api_key.secret_hash']);

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

describe('lookup indexes on keyed-hash columns', () => {
  it('every *_hash column is either an indexed lookup or known not to be searched', async () => {
    const { rows } = await pool().query<{ name: string }>(
      `SELECT table_name || '.' || column_name AS name FROM information_schema.columns
       WHERE table_schema = current_schema() AND column_name LIKE '%\\_hash' AND table_name NOT LIKE '%\\_archive'`,
    );
    const lookups = new Set(LOOKUPS.map((l) => `${l.table}.${l.column}`));
    for (const { name } of rows) expect(lookups.has(name) || NOT_LOOKED_UP.has(name), `${name} is not classified`).toBe(true);
  });

  it.each(LOOKUPS)('an exact lookup of $table.$column uses an index on it', async ({ table, column }) => {
    const plan = await withTransaction(async (client) => {
      // Whatever the table's size, the planner must have an index to choose; without one it
      // can only scan (or use an index on another column, which the condition check catches).
      await client.query('SET LOCAL enable_seqscan = off');
      const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
        `EXPLAIN (FORMAT JSON) SELECT * FROM ${table} WHERE ${column} = $1`,
        ['lookup-test'],
      );
      return rows[0]!['QUERY PLAN'][0].Plan;
    });
    const used = nodes(plan).filter((n) => (n['Index Cond'] ?? n['Recheck Cond'] ?? '').includes(column));
    expect(used.length, JSON.stringify(plan)).toBeGreaterThan(0);
  });
});
