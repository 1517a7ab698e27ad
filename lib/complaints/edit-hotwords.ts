import { recordAudit } from '@/lib/audit/record';
import { pool } from '@/lib/db/client';
import { withTransaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors/app-error';
import type { Actor } from './actor';
import { forgetHotwordLibrary, seedHotwordLibrary } from './hotword-library';
import { HOTWORD_CATEGORIES, type HotwordCategory } from './hotwords';

/**
 * Staff keep their utility's hot-word library: add a term or change its category, severity and
 * daily threshold, switch it off or on. Terms are never deleted, so past counts keep their meaning.
 */
type Staff = Extract<Actor, { kind: 'STAFF' }>;

export interface HotwordRow {
  term: string;
  category: HotwordCategory;
  severity: 1 | 2 | 3;
  dailyThreshold: number;
  active: boolean;
  today: number;
}

export async function listHotwords(utilityId: string, day: string, filter: string): Promise<HotwordRow[]> {
  await seedHotwordLibrary(utilityId);
  const { rows } = await pool().query<{ term: string; category: HotwordCategory; severity: 1 | 2 | 3; daily_threshold: number; active: boolean; today: number | null }>(
    `SELECT h.term, h.category, h.severity, h.daily_threshold, h.active, mc.count AS today
     FROM hotword_term h LEFT JOIN mention_count mc ON mc.utility_id = h.utility_id AND mc.term = h.term AND mc.day = $2
     WHERE h.utility_id = $1 AND ($3 = '' OR h.term LIKE '%' || $3 || '%' OR h.category = upper($3))
     ORDER BY coalesce(mc.count, 0) DESC, h.category, h.term
     LIMIT 200`,
    [utilityId, day, filter],
  );
  return rows.map((r) => ({ term: r.term, category: r.category, severity: r.severity, dailyThreshold: r.daily_threshold, active: r.active, today: r.today ?? 0 }));
}

export interface HotwordEdit {
  term: string;
  category: HotwordCategory;
  severity: 1 | 2 | 3;
  dailyThreshold: number;
  active: boolean;
}

export async function saveHotword(actor: Staff, edit: HotwordEdit, now: Date): Promise<void> {
  const term = edit.term.normalize('NFKC').trim();
  if (term.length === 0 || term.length > 20) throw new AppError('invalid_input', 'term');
  if (!HOTWORD_CATEGORIES.includes(edit.category)) throw new AppError('invalid_input', 'category');
  if (!Number.isInteger(edit.dailyThreshold) || edit.dailyThreshold < 1 || edit.dailyThreshold > 100_000) throw new AppError('invalid_input', 'dailyThreshold');
  await withTransaction(async (client) => {
    await client.query(
      `INSERT INTO hotword_term (utility_id, term, category, severity, daily_threshold, active, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (utility_id, term) DO UPDATE SET category = EXCLUDED.category, severity = EXCLUDED.severity,
         daily_threshold = EXCLUDED.daily_threshold, active = EXCLUDED.active, updated_at = EXCLUDED.updated_at`,
      [actor.utilityId, term, edit.category, edit.severity, edit.dailyThreshold, edit.active, now],
    );
    await recordAudit(
      { actorKind: 'STAFF', actorId: actor.staffId, utilityId: actor.utilityId, action: 'hotword.save', entity: 'hotword_term', entityId: term, ip: actor.ip, detail: { ...edit, term } },
      now,
      client,
    );
  });
  forgetHotwordLibrary(actor.utilityId);
}

export async function getHotword(utilityId: string, term: string): Promise<Omit<HotwordRow, 'today'> | null> {
  const { rows } = await pool().query<{ term: string; category: HotwordCategory; severity: 1 | 2 | 3; daily_threshold: number; active: boolean }>(
    `SELECT term, category, severity, daily_threshold, active FROM hotword_term WHERE utility_id = $1 AND term = $2`,
    [utilityId, term],
  );
  const r = rows[0];
  return r ? { term: r.term, category: r.category, severity: r.severity, dailyThreshold: r.daily_threshold, active: r.active } : null;
}
