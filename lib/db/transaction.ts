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

/**
 * A transaction whose first round trip is BEGIN plus `opening` (a pipeline of prepared
 * statements, see lib/db/pipeline.ts), for hot paths that start by locking and reading: one
 * round trip saved. `work` gets the opening statements' rows (BEGIN's left out).
 */
export async function withOpeningBatch<Rows extends unknown[][], T>(
  opening: PipelineStatement[],
  work: (client: pg.PoolClient, rows: Rows) => Promise<T>,
): Promise<T> {
  const client = await pool().connect();
  try {
    const [, ...rows] = await queryPipeline<[unknown[], ...unknown[][]]>(client, [BEGIN, ...opening]);
    const result = await work(client, rows as Rows);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
