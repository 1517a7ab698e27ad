/** Something the resident can say on the current page. */
export interface VoiceCommand {
  id: string;
  /** The words shown on screen (WCAG 2.5.3: what you see is what you can say). */
  labels: readonly string[];
  /** Other ways people say it: colloquial, dialect, common recogniser spellings. */
  synonyms?: readonly string[];
  /** Paying or requesting a refund: the page must confirm before acting. */
  costly?: boolean;
}

export type VoiceMatch =
  | { kind: 'match'; id: string; score: number }
  | { kind: 'ask'; candidates: [string, string] }
  | { kind: 'none' };
