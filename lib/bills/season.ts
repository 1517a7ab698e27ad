import { fill } from '@/lib/i18n';

/** Heating season 2026 runs through the winter of 2026–27. */
export function seasonRange(season: number): { from: number; to: number } {
  return { from: season, to: season + 1 };
}

/** What a bill is called: its heating season, or the balance carried over from the old system. */
export function billTitle(bill: { kind: 'SEASON' | 'OPENING'; season: number }, m: { season: string; opening: string }): string {
  if (bill.kind === 'OPENING') return m.opening;
  return fill(m.season, seasonRange(bill.season));
}
