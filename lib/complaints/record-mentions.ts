import type pg from 'pg';
import { openTermIncident } from './open-incidents';

/**
 * Adds mentions to the per-term daily counts and opens a surge incident for every term whose count
 * has reached its threshold. Each upsert locks its count row until the transaction ends, and the
 * incident insert relies on a unique index, so concurrent callers open exactly one incident.
 */
export interface MentionBatch {
  utilityId: string;
  /** Asia/Shanghai calendar day, YYYY-MM-DD. */
  day: string;
  /** term → mentions to add */
  counts: ReadonlyMap<string, number>;
  thresholds: ReadonlyMap<string, number>;
}

export async function recordMentions(client: pg.PoolClient, batch: MentionBatch, now: Date): Promise<string[]> {
  const opened: string[] = [];
  // Always in the same order, so two batches touching the same terms cannot deadlock.
  const terms = [...batch.counts.keys()].sort();
  for (const term of terms) {
    const add = batch.counts.get(term) ?? 0;
    if (add <= 0) continue;
    const { rows } = await client.query<{ count: number }>(
      `INSERT INTO mention_count (utility_id, term, day, count) VALUES ($1, $2, $3, $4)
       ON CONFLICT (utility_id, term, day) DO UPDATE SET count = mention_count.count + EXCLUDED.count
       RETURNING count`,
      [batch.utilityId, term, batch.day, add],
    );
    const count = rows[0]?.count ?? 0;
    const threshold = batch.thresholds.get(term);
    if (threshold !== undefined && count >= threshold) {
      const id = await openTermIncident(client, { utilityId: batch.utilityId, term, day: batch.day, count, threshold }, now);
      if (id) opened.push(id);
    }
  }
  return opened;
}

/** term → number of distinct mentions, each text counting a term once. */
export function countTerms(hitsPerText: readonly (readonly { term: string }[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const hits of hitsPerText) {
    for (const term of new Set(hits.map((h) => h.term))) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}
