/** Complaint themes a hot word points at; each maps to a work-order type downstream. */
export const HOTWORD_CATEGORIES = [
  'NOT_WARM',
  'NO_HEAT',
  'LEAK',
  'SAFETY',
  'REFUND',
  'BILLING',
  'SERVICE',
  'NOISE',
] as const;

export type HotwordCategory = (typeof HOTWORD_CATEGORIES)[number];

/** 1 = mild or ambiguous, 2 = a clear complaint, 3 = urgent (outage, burst pipe, danger). */
export type HotwordSeverity = 1 | 2 | 3;

export interface HotwordTerm {
  term: string;
  category: HotwordCategory;
  severity: HotwordSeverity;
  /** Mentions per day that open a surge incident; DEFAULT_DAILY_THRESHOLD when absent. */
  dailyThreshold?: number;
}

export interface HotwordHit {
  term: string;
  category: HotwordCategory;
  severity: HotwordSeverity;
  /** UTF-16 offsets into the original text: `text.slice(start, end)` is what the resident wrote. */
  start: number;
  end: number;
}

export type WorkOrderPriority = 'urgent' | 'high' | 'normal';

export interface HotwordResult {
  /** Hits that count, in text order. */
  terms: HotwordHit[];
  /** Hits cancelled by a negation or a "fixed now" remark; kept so staff can see why. */
  negated: HotwordHit[];
  category: HotwordCategory | null;
  priority: WorkOrderPriority;
}
