import pg from 'pg';

/**
 * Several statements in one round trip. PostgreSQL's simple query protocol takes a batch of
 * statements but no parameters, so values go in as literals: uuids are checked to be uuids,
 * text is quoted by pg's own escaping. For hot paths where a lock must be taken before a read
 * that has to see everything committed up to the lock (one statement sees one snapshot).
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The uuid as a literal, or null when it is not a uuid (then no row can match it). */
export function uuidLiteral(value: string): string | null {
  return UUID.test(value) ? `'${value.toLowerCase()}'::uuid` : null;
}

export function textLiteral(value: string): string {
  return pg.escapeLiteral(value);
}

/** Runs the statements in order, in one round trip; returns each statement's rows. */
export async function queryBatch<Rows extends unknown[][]>(client: pg.PoolClient, statements: string[]): Promise<Rows> {
  const results = (await client.query(statements.join(';\n'))) as unknown as pg.QueryResult | pg.QueryResult[];
  const list = Array.isArray(results) ? results : [results];
  return list.map((r) => r.rows) as Rows;
}
