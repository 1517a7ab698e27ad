import { buildAhoCorasick } from './aho-corasick';
import { findResolutionRemarks, isNegatedBefore, NEGATABLE_CATEGORIES } from './negation';
import { normalizeForMatching, type NormalizedText } from './normalize';
import { dominantCategory, workOrderPriority } from './ranking';
import type { HotwordHit, HotwordResult, HotwordTerm } from './types';

export interface HotwordMatcherOptions {
  /**
   * Words that contain a hot word without meaning it (冷静 contains 冷, 凉快 contains 凉). They
   * take part in the longest-match contest and then report nothing.
   */
  shields?: readonly string[];
  /** Fold traditional characters (on by default). */
  traditional?: boolean;
}

export interface HotwordMatcher {
  match(text: string): HotwordResult;
  /** Distinct terms after normalisation (duplicates collapse to the most severe). */
  readonly size: number;
}

type Entry = { kind: 'term'; term: HotwordTerm } | { kind: 'shield' };

interface Span {
  entry: Entry;
  start: number;
  end: number;
}

function buildEntries(
  terms: readonly HotwordTerm[],
  shields: readonly string[],
  traditional: boolean,
): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  for (const term of terms) {
    const key = normalizeForMatching(term.term, { traditional }).text;
    if (key.length === 0) continue;
    const existing = entries.get(key);
    if (existing?.kind === 'term' && existing.term.severity >= term.severity) continue;
    entries.set(key, { kind: 'term', term });
  }
  for (const shield of shields) {
    const key = normalizeForMatching(shield, { traditional }).text;
    if (key.length > 0 && !entries.has(key)) entries.set(key, { kind: 'shield' });
  }
  return entries;
}

/** Longest first; among equals, leftmost. A span is kept only if it overlaps nothing kept. */
function longestNonOverlapping(spans: Span[], length: number): Span[] {
  const taken = new Uint8Array(length);
  const kept: Span[] = [];
  spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const span of spans) {
    let free = true;
    for (let i = span.start; i < span.end && free; i += 1) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, span.start, span.end);
    kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function toHit(term: HotwordTerm, span: Span, normalized: NormalizedText): HotwordHit {
  return {
    term: term.term,
    category: term.category,
    severity: term.severity,
    start: normalized.start[span.start] ?? 0,
    end: normalized.end[span.end - 1] ?? 0,
  };
}

/** Indices of the spans cancelled by "fixed now" remarks (see negation.ts, rule 3). */
function resolvedSpans(
  spans: readonly { span: Span; term: HotwordTerm }[],
  normalized: NormalizedText,
): Set<number> {
  const resolved = new Set<number>();
  for (const remark of findResolutionRemarks(normalized)) {
    const before = spans
      .map((candidate, index) => ({ ...candidate, index }))
      .filter(
        ({ span, term }) =>
          span.end <= remark.start &&
          normalized.sentence[span.start] === remark.sentence &&
          NEGATABLE_CATEGORIES.has(term.category),
      );
    const nearest = before.at(-1);
    if (nearest === undefined) continue;
    const scope = remark.scope ?? [nearest.term.category];
    for (const { term, index } of before) if (scope.includes(term.category)) resolved.add(index);
  }
  return resolved;
}

/** Builds the matcher once; rebuild it when staff edit the term list. */
export function createHotwordMatcher(
  terms: readonly HotwordTerm[],
  options: HotwordMatcherOptions = {},
): HotwordMatcher {
  const traditional = options.traditional ?? true;
  const entries = buildEntries(terms, options.shields ?? [], traditional);
  // Map order is insertion order, so pattern i of the automaton is entry i.
  const patterns = [...entries.keys()];
  const entryList = [...entries.values()];
  const automaton = buildAhoCorasick(patterns);
  const size = entryList.filter((entry) => entry.kind === 'term').length;

  function match(text: string): HotwordResult {
    const normalized = normalizeForMatching(text, { traditional });
    const spans: Span[] = [];
    for (const found of automaton.findAll(normalized.text)) {
      const entry = entryList[found.pattern];
      if (entry === undefined) continue;
      if (normalized.clause[found.start] !== normalized.clause[found.end - 1]) continue;
      spans.push({ entry, start: found.start, end: found.end });
    }
    const termSpans = longestNonOverlapping(spans, normalized.text.length).flatMap((span) =>
      span.entry.kind === 'term' ? [{ span, term: span.entry.term }] : [],
    );
    const resolved = resolvedSpans(termSpans, normalized);
    const counted: HotwordHit[] = [];
    const negated: HotwordHit[] = [];
    termSpans.forEach(({ span, term }, index) => {
      const cancelled =
        NEGATABLE_CATEGORIES.has(term.category) &&
        (isNegatedBefore(normalized, span.start) || resolved.has(index));
      (cancelled ? negated : counted).push(toHit(term, span, normalized));
    });
    return {
      terms: counted,
      negated,
      category: dominantCategory(counted),
      priority: workOrderPriority(counted),
    };
  }

  return { match, size };
}
