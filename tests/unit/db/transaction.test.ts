import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pool } from '@/lib/db/client';
import { commitWith, withOpeningBatch } from '@/lib/db/transaction';

beforeAll(async () => {
  await pool().query(`CREATE TABLE IF NOT EXISTS txn_t (id int PRIMARY KEY, v text NOT NULL)`);
  await pool().query(`TRUNCATE txn_t`);
  await pool().query(`INSERT INTO txn_t VALUES (1, 'one')`);
});

afterAll(async () => {
  await pool().query(`DROP TABLE IF EXISTS txn_t`);
});

const read = { name: 'txn-read', text: `SELECT id, v FROM txn_t WHERE id = $1 FOR UPDATE` };
const insert = (id: number, v: string) => ({ name: 'txn-insert', text: `INSERT INTO txn_t (id, v) VALUES ($1, $2) RETURNING id, v`, values: [id, v] });
const rows = async () => (await pool().query<{ id: number; v: string }>(`SELECT id, v FROM txn_t ORDER BY id`)).rows;

describe('withOpeningBatch', () => {
  it('hands the opening rows to the work and commits what it returns', async () => {
    const seen = await withOpeningBatch<[{ id: number; v: string }[]], string>([{ ...read, values: [1] }], async (client, [found]) => {
      await client.query(`UPDATE txn_t SET v = 'uno' WHERE id = 1`);
      return found[0]!.v;
    });
    expect(seen).toBe('one');
    expect(await rows()).toEqual([{ id: 1, v: 'uno' }]);
  });

  it('sends the closing statements with COMMIT and makes the result from their rows', async () => {
    const made = await withOpeningBatch<[{ id: number; v: string }[]], string>([{ ...read, values: [1] }], async (client, [found]) => {
      await client.query(`UPDATE txn_t SET v = 'eins' WHERE id = 1`);
      return commitWith([insert(2, `after ${found[0]!.v}`)], ([inserted]) => (inserted as { v: string }[])[0]!.v);
    });
    expect(made).toBe('after uno');
    expect(await rows()).toEqual([
      { id: 1, v: 'eins' },
      { id: 2, v: 'after uno' },
    ]);
  });

  it('a closing statement that fails rolls the whole transaction back, and the connection goes back clean', async () => {
    await expect(
      withOpeningBatch<[unknown[]], string>([{ ...read, values: [1] }], async (client) => {
        await client.query(`UPDATE txn_t SET v = 'lost' WHERE id = 1`);
        // id 2 exists: the insert fails, and COMMIT, sent after it, never runs.
        return commitWith([insert(3, 'lost too'), insert(2, 'duplicate')], () => 'never');
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await rows()).toEqual([
      { id: 1, v: 'eins' },
      { id: 2, v: 'after uno' },
    ]);
    // Every pooled connection is out of any transaction: a write outside one is kept.
    await Promise.all(Array.from({ length: 5 }, (_, i) => pool().query(`INSERT INTO txn_t VALUES ($1, 'kept')`, [10 + i])));
    expect((await rows()).filter((r) => r.v === 'kept')).toHaveLength(5);
  });
});
