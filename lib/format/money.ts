/** Fen → yuan text, with integer arithmetic only: 123456n → "1,234.56". Formatting is for views. */
export function formatYuan(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${yuan}.${cents}`;
}

/** The amount as a person reads it aloud or on a receipt: "¥1,234.56". */
export function formatMoney(fen: bigint): string {
  return fen < 0n ? `-¥${formatYuan(-fen)}` : `¥${formatYuan(fen)}`;
}

/**
 * A share of an amount in yuan, rounded half up to `places` decimals with integer arithmetic only:
 * what one day of a season's charge comes to, say — 298509n fen over 151 days reads "19.7688".
 */
export function formatYuanShare(fen: bigint, parts: bigint, places = 4): string {
  if (parts <= 0n || fen < 0n) throw new RangeError('formatYuanShare: a non-negative amount over a positive number of parts');
  return formatRatio(fen, parts * 100n, places);
}

/**
 * num/den in decimal, rounded half up to `places` decimals, integers only (num ≥ 0, den > 0);
 * `trim` drops trailing zeros and a bare point: 1/3 at 2 → "0.33", 1/2 at 2 trimmed → "0.5".
 */
export function formatRatio(num: bigint, den: bigint, places: number, trim = false): string {
  const scale = 10n ** BigInt(places);
  const units = (num * scale * 2n + den) / (den * 2n);
  const fraction = (units % scale).toString().padStart(places, '0');
  const shown = trim ? fraction.replace(/0+$/, '') : fraction;
  return shown ? `${units / scale}.${shown}` : `${units / scale}`;
}
