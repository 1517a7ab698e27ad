import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma';
import { env } from '@/lib/env';

/**
 * The one place that opens the database: a pg pool shared by Prisma (through its driver adapter)
 * and by the few hot read paths that use typed raw SQL. Kept on globalThis so that module
 * reloads in development reuse it.
 */
interface Db {
  pool: pg.Pool;
  prisma: PrismaClient;
}

const holder = globalThis as unknown as { __nuanxinDb?: Db };

function open(): Db {
  const { DATABASE_URL, DATABASE_POOL_MAX } = env();
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: DATABASE_POOL_MAX, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection (database restart) must not crash the server.
  pool.on('error', (error) => console.error('[db] idle client error:', error.message));
  // Nor may one in use: its query fails (and the caller answers), while the connection's own
  // 'error' event would otherwise be unhandled and end the process.
  pool.on('connect', (client) => client.on('error', (error) => console.error('[db] connection lost:', error.message)));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { pool, prisma };
}

function db(): Db {
  holder.__nuanxinDb ??= open();
  return holder.__nuanxinDb;
}

/** Opened on first use, so that importing a module never needs the configuration (next build). */
export const prisma = new Proxy({} as PrismaClient, {
  get(_target, key) {
    const client = db().prisma;
    const value: unknown = Reflect.get(client, key);
    return typeof value === 'function' ? value.bind(client) : value;
  },
});

export function pool(): pg.Pool {
  return db().pool;
}

export async function closeDb(): Promise<void> {
  const current = holder.__nuanxinDb;
  holder.__nuanxinDb = undefined;
  if (current) {
    await current.prisma.$disconnect();
    await current.pool.end();
  }
}
