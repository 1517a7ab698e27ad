import { afterAll, describe, expect, it } from 'vitest';
import { boss, enqueue } from '@/lib/jobs/boss';
import { closeDb } from '@/lib/db/client';
import { withTransaction } from '@/lib/db/transaction';

afterAll(async () => {
  await (await boss()).stop({ graceful: false, wait: true });
  await closeDb();
});

describe('jobs in PostgreSQL', () => {
  it('a job enqueued inside a rolled-back transaction never exists', async () => {
    const queue = 'test.tx-rollback';
    await expect(
      withTransaction(async (client) => {
        await enqueue(queue, { n: 1 }, {}, client);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const b = await boss();
    expect(await b.fetch(queue)).toEqual([]);
  });

  it('a job enqueued inside a committed transaction is delivered once', async () => {
    const queue = 'test.tx-commit';
    await withTransaction((client) => enqueue(queue, { n: 2 }, {}, client));
    const b = await boss();
    const first = await b.fetch<{ n: number }>(queue);
    expect(first.map((j) => j.data.n)).toEqual([2]);
    expect(await b.fetch(queue)).toEqual([]);
  });
});
