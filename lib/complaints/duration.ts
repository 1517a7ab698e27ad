/** "1 小时 20 分钟" / "1 h 20 min": how long is left, rounded up to the minute so it never overstates. */
export function formatDuration(ms: number, words: { hours: string; minutes: string; lessThanMinute: string }): string {
  const minutes = Math.ceil(Math.abs(ms) / 60_000);
  if (minutes === 0) return words.lessThanMinute;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [];
  if (h > 0) parts.push(words.hours.replace('{h}', String(h)));
  if (m > 0) parts.push(words.minutes.replace('{m}', String(m)));
  return parts.join(' ');
}
