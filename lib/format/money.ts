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
