import type pg from 'pg';
import { pool } from './client';
import { queryPipeline, type PipelineStatement } from './pipeline';

/** Runs `work` in one transaction on one connection: everything commits, or nothing does. */
export async function withTransaction<T>(work: (client: pg.PoolClient) => Promise<T>, isolation?: 'SERIALIZABLE'): Promise<T> {
  const client = await pool().connect();
  try {
    await client.query(isolation ? `BEGIN ISOLATION LEVEL ${isolation}` : 'BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const BEGIN: PipelineStatement = { name: 'begin', text: 'BEGIN' };
const COMMIT: PipelineStatement = { name: 'commit', text: 'COMMIT' };

/**
 * The end of a transaction's work, returned by `work` instead of its result: `statements` are
 * sent with COMMIT in one round trip and `finish` makes the result from their rows. Should one
 * of them fail, PostgreSQL skips the rest, COMMIT included, and the transaction rolls back.
 */
export class Closing<T> {
  constructor(
    readonly statements: PipelineStatement[],
    readonly finish: (rows: unknown[][]) => T,
  ) {}
}

export function commitWith<T>(statements: PipelineStatement[], finish: (rows: unknown[][]) => T): Closing<T> {
  return new Closing(statements, finish);
}

/**
 * A transaction whose first round trip is BEGIN plus `opening` (a pipeline of prepared
 * statements, see lib/db/pipeline.ts), for hot paths that start by locking and reading: one
 * round trip saved. `work` gets the opening statements' rows (BEGIN's left out); it may end with
 * `commitWith` to send its last writes with COMMIT, another round trip saved.
 */
export async function withOpeningBatch<Rows extends unknown[][], T>(
  opening: PipelineStatement[],
  work: (client: pg.PoolClient, rows: Rows) => Promise<T | Closing<T>>,
): Promise<T> {
  const client = await pool().connect();
  try {
    const [, ...rows] = await queryPipeline<[unknown[], ...unknown[][]]>(client, [BEGIN, ...opening]);
    const done = await work(client, rows as Rows);
    if (!(done instanceof Closing)) {
      await client.query('COMMIT');
      return done;
    }
    const closed = await queryPipeline<unknown[][]>(client, [...done.statements, COMMIT]);
    return done.finish(closed.slice(0, -1));
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
