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
  const scale = 10n ** BigInt(places);
  // fen / parts / 100 yuan, in units of 1/scale yuan, rounded half up.
  const units = (fen * scale * 2n + parts * 100n) / (parts * 200n);
  return `${units / scale}.${(units % scale).toString().padStart(places, '0')}`;
}
