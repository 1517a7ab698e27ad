/**
 * Legacy amounts in yuan with up to two decimals, turned into fen with integer arithmetic only
 * (never `yuan * 100` on a float). Accepts thousands separators, a yuan sign or 元, full-width
 * digits; refuses a third decimal rather than rounding someone's debt.
 */
export type YuanParse = { ok: true; fen: bigint; cleaned: boolean } | { ok: false };

const LIMIT_FEN = 10n ** 12n;

export function toHalfWidthDigits(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF0E\uFF0C\uFF0D]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function parseYuanToFen(input: string): YuanParse {
  const trimmed = input.trim();
  const s = toHalfWidthDigits(trimmed).replace(/[¥￥,\s]|元$/g, '');
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return { ok: false };
  const fen = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  if (fen >= LIMIT_FEN) return { ok: false };
  return { ok: true, fen: m[1] ? -fen : fen, cleaned: s !== trimmed };
}
