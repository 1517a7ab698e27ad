import type pg from 'pg';
import { pool } from '@/lib/db/client';
import { HOTWORD_SEED } from '@/prisma/seed/hotwords';
import { createHotwordMatcher, dailyThresholdOf, HOTWORD_SHIELDS, type HotwordCategory, type HotwordMatcher, type HotwordSeverity } from './hotwords';

/**
 * Each utility's hot-word library lives in hotword_term, seeded from prisma/seed/hotwords.ts the
 * first time the utility needs it, then edited by its staff. Matchers are cached per process and
 * rebuilt when a term changes (here at once, in other processes within CACHE_MS).
 */
const CACHE_MS = 60_000;

export interface Library {
  matcher: HotwordMatcher;
  thresholds: ReadonlyMap<string, number>;
}

// Promises, so that requests arriving together share one load.
const cache = new Map<string, { library: Promise<Library>; loadedAt: number }>();

type Db = pg.Pool | pg.PoolClient;

/** Idempotent: terms already present (edited or deactivated by staff) are left alone. */
export async function seedHotwordLibrary(utilityId: string, db: Db = pool()): Promise<void> {
  await db.query(
    `INSERT INTO hotword_term (utility_id, term, category, severity, daily_threshold)
     SELECT $1, t.term, t.category, t.severity, t.threshold
     FROM unnest($2::text[], $3::text[], $4::int[], $5::int[]) AS t(term, category, severity, threshold)
     ON CONFLICT (utility_id, term) DO NOTHING`,
    [
      utilityId,
      HOTWORD_SEED.map((t) => t.term),
      HOTWORD_SEED.map((t) => t.category),
      HOTWORD_SEED.map((t) => t.severity),
      HOTWORD_SEED.map((t) => dailyThresholdOf(t)),
    ],
  );
}

interface TermRow {
  term: string;
  category: HotwordCategory;
  severity: HotwordSeverity;
  daily_threshold: number;
}

async function load(utilityId: string): Promise<Library> {
  const read = () =>
    pool().query<TermRow>(
      `SELECT term, category, severity, daily_threshold FROM hotword_term WHERE utility_id = $1 AND active`,
      [utilityId],
    );
  let { rows } = await read();
  if (rows.length === 0) {
    const { rowCount } = await pool().query(`SELECT 1 FROM hotword_term WHERE utility_id = $1 LIMIT 1`, [utilityId]);
    // Never seeded (not merely every term switched off by staff): seed now.
    if (rowCount === 0) await seedHotwordLibrary(utilityId);
    // Read again either way: another process may have seeded between the two reads above.
    ({ rows } = await read());
  }
  const terms = rows.map((r) => ({ term: r.term, category: r.category, severity: r.severity, dailyThreshold: r.daily_threshold }));
  return {
    matcher: createHotwordMatcher(terms, { shields: HOTWORD_SHIELDS }),
    thresholds: new Map(terms.map((t) => [t.term, t.dailyThreshold])),
  };
}

export function hotwordLibrary(utilityId: string, now = Date.now()): Promise<Library> {
  const hit = cache.get(utilityId);
  if (hit && now - hit.loadedAt < CACHE_MS) return hit.library;
  const library = load(utilityId);
  cache.set(utilityId, { library, loadedAt: now });
  // A failed load is not cached: the next request tries again.
  library.catch(() => cache.delete(utilityId));
  return library;
}

export function forgetHotwordLibrary(utilityId: string): void {
  cache.delete(utilityId);
}
