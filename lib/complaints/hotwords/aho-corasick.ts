/** One occurrence of pattern `pattern` at code units [start, end) of the scanned text. */
export interface PatternOccurrence {
  pattern: number;
  start: number;
  end: number;
}

export interface AhoCorasick {
  /** Every occurrence of every pattern, overlaps included, in one left-to-right pass. */
  findAll(text: string): PatternOccurrence[];
}

const ROOT = 0;
const NONE = -1;

/**
 * Builds the automaton once from the patterns (matched on UTF-16 code units). A pattern that
 * repeats an earlier one is reported under the earlier index; empty patterns never match.
 */
export function buildAhoCorasick(patterns: readonly string[]): AhoCorasick {
  const children: Map<number, number>[] = [new Map()];
  const output: number[] = [NONE];
  const depth: number[] = [0];

  patterns.forEach((pattern, patternIndex) => {
    if (pattern.length === 0) return;
    let node = ROOT;
    for (let i = 0; i < pattern.length; i += 1) {
      const unit = pattern.charCodeAt(i);
      let child = children[node]?.get(unit);
      if (child === undefined) {
        child = children.length;
        children.push(new Map());
        output.push(NONE);
        depth.push(i + 1);
        children[node]?.set(unit, child);
      }
      node = child;
    }
    if (output[node] === NONE) output[node] = patternIndex;
  });

  const fail = new Int32Array(children.length);
  // Nearest node along the failure chain that ends a pattern, so reporting skips empty links.
  const outputLink = new Int32Array(children.length).fill(NONE);
  const queue: number[] = [];
  for (const child of children[ROOT]?.values() ?? []) queue.push(child);
  for (let head = 0; head < queue.length; head += 1) {
    const node = queue[head] ?? ROOT;
    for (const [unit, child] of children[node] ?? []) {
      let fallback = fail[node] ?? ROOT;
      while (fallback !== ROOT && !children[fallback]?.has(unit)) fallback = fail[fallback] ?? ROOT;
      const target = children[fallback]?.get(unit);
      fail[child] = target !== undefined && target !== child ? target : ROOT;
      const linked = fail[child] ?? ROOT;
      outputLink[child] = output[linked] !== NONE ? linked : (outputLink[linked] ?? NONE);
      queue.push(child);
    }
  }

  function step(node: number, unit: number): number {
    let current = node;
    for (;;) {
      const next = children[current]?.get(unit);
      if (next !== undefined) return next;
      if (current === ROOT) return ROOT;
      current = fail[current] ?? ROOT;
    }
  }

  return {
    findAll(text: string): PatternOccurrence[] {
      const found: PatternOccurrence[] = [];
      let node = ROOT;
      for (let i = 0; i < text.length; i += 1) {
        node = step(node, text.charCodeAt(i));
        let hit = output[node] !== NONE ? node : (outputLink[node] ?? NONE);
        for (; hit !== NONE; hit = outputLink[hit] ?? NONE) {
          const length = depth[hit] ?? 0;
          found.push({ pattern: output[hit] ?? NONE, start: i + 1 - length, end: i + 1 });
        }
      }
      return found;
    },
  };
}
