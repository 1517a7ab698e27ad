/**
 * The promise date of a refund: `days` working days after the Shanghai calendar day it was asked
 * on, skipping Saturdays and Sundays. Pure: `day` is 'YYYY-MM-DD' in Asia/Shanghai.
 */
export function addWorkingDays(day: string, days: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !Number.isInteger(days) || days < 0) throw new RangeError(`addWorkingDays(${day}, ${days})`);
  const date = new Date(`${day}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return date.toISOString().slice(0, 10);
}
