import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

/**
 * The driver adapter Prisma's JavaScript schema engine uses for `migrate` without downloading a
 * native engine (see shared/STACK.md). It mends two gaps of @prisma/adapter-pg 6.19:
 * - introspection reads catalog types (name, "char", regclass…) the adapter cannot decode, so
 *   their columns are reported as text;
 * - the adapter's own shadow database reuses the main one when given a connection string, so a
 *   real throw-away database is created here and dropped after its pool has closed;
 * - its executeScript splits a migration at every ';' (breaking dollar-quoted function bodies)
 *   and runs the pieces outside a transaction, so a migration is sent whole instead: PostgreSQL
 *   runs a multi-statement simple query as one implicit transaction, all or nothing.
 */
const CATALOG_OIDS = new Set([18, 19, 22, 24, 30, 194, 1033, 2205, 2206]);
const TEXT_OID = 25;

interface FieldLike {
  dataTypeID: number;
}

function reportCatalogTypesAsText<R>(result: R): R {
  const fields = (result as { fields?: FieldLike[] } | undefined)?.fields;
  if (Array.isArray(fields)) {
    for (const field of fields) {
      if (CATALOG_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

class CatalogTolerantPool extends pg.Pool {
  // pg's overloads make a typed override impractical; every call is forwarded unchanged.
  override query(...args: unknown[]): never {
    const run = super.query as (...a: unknown[]) => unknown;
    const out = run.apply(this, args);
    return (out instanceof Promise ? out.then(reportCatalogTypesAsText) : out) as never;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;

async function connectWhole(pool: pg.Pool): Promise<Adapter> {
  const adapter = await new PrismaPg(pool).connect();
  const { onError } = adapter as unknown as { onError(error: unknown): never };
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      onError.call(adapter, error);
    }
  };
  return adapter;
}

export function migrationAdapter(url: string) {
  const pool = new CatalogTolerantPool({ connectionString: url, max: 4 });
  const main = new PrismaPg(pool);
  return {
    provider: 'postgres' as const,
    adapterName: main.adapterName,
    connect: () => connectWhole(pool),
    async connectToShadowDb() {
      const name = `nuanxin_shadow_${randomUUID().replaceAll('-', '')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      const pool = new CatalogTolerantPool({ connectionString: withDatabase(url, name), max: 2 });
      const adapter = await connectWhole(pool);
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await pool.end();
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await cleanup.end();
      };
      return adapter;
    },
  };
}
