/** China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact. */
const OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai calendar day of an instant, as YYYY-MM-DD (mention counts are per this day). */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight at the start of a Shanghai calendar day, as an instant. */
export function shanghaiMidnight(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - OFFSET_MS);
}

/** `YYYY-MM-DDTHH:mm` in Shanghai time (what a datetime-local field shows and sends). */
export function toShanghaiLocalInput(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 16);
}

export function fromShanghaiLocalInput(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const at = new Date(Date.UTC(y, mo - 1, d, h, mi) - OFFSET_MS);
  return toShanghaiLocalInput(at) === text ? at : null;
}
