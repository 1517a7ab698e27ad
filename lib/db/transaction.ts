import type pg from 'pg';
import { pool } from './client';

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
