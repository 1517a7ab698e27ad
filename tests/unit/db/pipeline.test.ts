import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryPipeline } from '@/lib/db/pipeline';

/** A connection of its own (not the pool), so prepared statements and round trips can be counted. */
let client: pg.Client;
let other: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  other = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await Promise.all([client.connect(), other.connect()]);
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS pipe_t (id int PRIMARY KEY, v text)`);
  await other.query(`CREATE TABLE IF NOT EXISTS pipe_shared (id int PRIMARY KEY, v text)`);
  await other.query(`TRUNCATE pipe_shared`);
  await other.query(`INSERT INTO pipe_shared VALUES (1, 'before')`);
});

afterAll(async () => {
  await other.query(`DROP TABLE IF EXISTS pipe_shared`);
  await Promise.all([client.end(), other.end()]);
});

async function prepared(): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`SELECT name FROM pg_prepared_statements ORDER BY name`);
  return rows.map((r) => r.name);
}

describe('queryPipeline', () => {
  it('returns each statement’s rows in order, with parameters and pg’s type parsing', async () => {
    const [begin, inserted, read, none] = await queryPipeline<[unknown[], { id: number }[], { v: string; n: number; at: Date }[], unknown[]]>(client, [
      { text: 'BEGIN' },
      { name: 'pipe-insert', text: 'INSERT INTO pipe_t (id, v) VALUES ($1, $2) RETURNING id', values: [1, 'один'] },
      { name: 'pipe-read', text: 'SELECT v, id AS n, $2::timestamptz AS at FROM pipe_t WHERE id = $1', values: [1, new Date('2026-12-04T00:00:00Z')] },
      { text: 'UPDATE pipe_t SET v = v WHERE id = -1' },
    ]);
    await client.query('COMMIT');
    expect(begin).toEqual([]);
    expect(inserted).toEqual([{ id: 1 }]);
    expect(read).toEqual([{ v: 'один', n: 1, at: new Date('2026-12-04T00:00:00Z') }]);
    expect(none).toEqual([]);
  });

  it('prepares a named statement once per connection and reuses it', async () => {
    const statement = { name: 'pipe-count', text: 'SELECT count(*)::int AS n FROM pipe_t WHERE id > $1', values: [0] };
    await queryPipeline(client, [statement]);
    expect(await prepared()).toContain('pipe-count');
    const [[first]] = await queryPipeline<[{ n: number }[]]>(client, [statement]);
    const [[second]] = await queryPipeline<[{ n: number }[]]>(client, [{ ...statement, values: [5] }]);
    expect(first).toEqual({ n: 1 });
    expect(second).toEqual({ n: 0 });
    expect((await prepared()).filter((n) => n === 'pipe-count')).toHaveLength(1);
  });

  it('stops at the first error, rejects, and leaves the connection usable with its statements intact', async () => {
    const fresh = { name: 'pipe-fresh', text: 'SELECT $1::int + 1 AS n', values: [1] };
    await expect(
      queryPipeline(client, [fresh, { name: 'pipe-bad', text: 'SELECT 1 / $1::int AS n', values: [0] }, { name: 'pipe-never', text: 'SELECT 2' }]),
    ).rejects.toThrow(/division by zero/);
    // pipe-fresh was prepared before the error although the call failed: using it again works.
    const [[again]] = await queryPipeline<[{ n: number }[]]>(client, [fresh]);
    expect(again).toEqual({ n: 2 });
    const [[ok]] = await queryPipeline<[{ n: number }[]]>(client, [{ name: 'pipe-bad', text: 'SELECT 1 / $1::int AS n', values: [1] }]);
    expect(ok).toEqual({ n: 1 });
    expect(await prepared()).not.toContain('pipe-never');
    expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('a failed statement inside BEGIN aborts the transaction until ROLLBACK', async () => {
    await expect(
      queryPipeline(client, [{ text: 'BEGIN' }, { text: `INSERT INTO pipe_t VALUES (1, 'dup')` }, { text: `INSERT INTO pipe_t VALUES (2, 'never')` }]),
    ).rejects.toMatchObject({ code: '23505' });
    await client.query('ROLLBACK');
    expect((await client.query('SELECT id FROM pipe_t ORDER BY id')).rows).toEqual([{ id: 1 }]);
  });

  it('a read after a lock in the same pipeline sees what the lock waited for', async () => {
    await other.query('BEGIN');
    await other.query(`UPDATE pipe_shared SET v = 'after' WHERE id = 1`);
    const pending = queryPipeline<[unknown[], unknown[], { v: string }[]]>(client, [
      { text: 'BEGIN' },
      { name: 'pipe-lock', text: 'SELECT 1 FROM pipe_shared WHERE id = $1 FOR UPDATE', values: [1] },
      { name: 'pipe-shared-read', text: 'SELECT v FROM pipe_shared WHERE id = $1', values: [1] },
    ]);
    await new Promise((r) => setTimeout(r, 100));
    await other.query('COMMIT');
    const [, , [row]] = await pending;
    await client.query('COMMIT');
    expect(row).toEqual({ v: 'after' });
  });
});
