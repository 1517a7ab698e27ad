import { withTransaction } from '@/lib/db/transaction';
import { hotwordLibrary } from './hotword-library';
import { countTerms, recordMentions } from './record-mentions';
import { shanghaiDay } from './shanghai';

/**
 * External text (hotline transcripts, social-media posts) counted towards the surge radar. Texts
 * are matched against the utility's hot words and added per Asia/Shanghai day, in one transaction:
 * a batch counts entirely or not at all.
 */
export interface MentionText {
  text: string;
  /** When it was said or posted; defaults to now. */
  at?: Date;
}

export interface IngestResult {
  accepted: number;
  matched: number;
  incidentsOpened: string[];
}

export async function ingestMentions(utilityId: string, items: readonly MentionText[], now: Date): Promise<IngestResult> {
  const library = await hotwordLibrary(utilityId);
  const perDay = new Map<string, { term: string }[][]>();
  let matched = 0;
  for (const item of items) {
    const hits = library.matcher.match(item.text).terms;
    if (hits.length === 0) continue;
    matched += 1;
    const day = shanghaiDay(item.at ?? now);
    perDay.set(day, [...(perDay.get(day) ?? []), hits]);
  }
  const incidentsOpened = await withTransaction(async (client) => {
    const opened: string[] = [];
    for (const day of [...perDay.keys()].sort()) {
      const counts = countTerms(perDay.get(day) ?? []);
      opened.push(...(await recordMentions(client, { utilityId, day, counts, thresholds: library.thresholds }, now)));
    }
    return opened;
  });
  return { accepted: items.length, matched, incidentsOpened };
}
