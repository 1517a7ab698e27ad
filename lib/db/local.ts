import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded';

/**
 * The database a command-line entry point works on: DATABASE_URL when given, otherwise the
 * embedded PostgreSQL under .data/ (reused when another Nuanxin process already runs it).
 */
export interface LocalDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export const EMBEDDED_DEFAULTS = {
  dataDir: path.resolve('.data/pg'),
  port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
};

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    // Not running yet (or not ours): the caller starts it.
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function openLocalDatabase(
  options: { dataDir?: string; port?: number; log?: (line: string) => void } = {},
): Promise<LocalDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, embedded: false, stop: async () => undefined };
  const dataDir = options.dataDir ?? EMBEDDED_DEFAULTS.dataDir;
  const port = options.port ?? EMBEDDED_DEFAULTS.port;
  const reuseUrl = `postgresql://nuanxin:nuanxin-local@127.0.0.1:${port}/nuanxin`;
  if (await answers(reuseUrl)) return { url: reuseUrl, embedded: true, stop: async () => undefined };
  const db = await startEmbeddedPostgres({ dataDir, port, log: options.log });
  return { url: db.url, embedded: true, stop: () => db.stop() };
}
