// China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact.
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DATE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

function shanghaiParts(date: Date): string[] {
  const shifted = new Date(date.getTime() + OFFSET_MS).toISOString();
  // 2024-11-15T09:30:00.000Z → [2024-11-15, 09:30:00]
  return [shifted.slice(0, 10), shifted.slice(11, 19)];
}

// WeChat Pay: 2024-11-15T17:30:00+08:00
export function formatShanghaiRfc3339(date: Date): string {
  const [day, time] = shanghaiParts(date);
  return `${day}T${time}+08:00`;
}

// Alipay: 2024-11-15 17:30:00, Beijing time
export function formatShanghaiDateTime(date: Date): string {
  const [day, time] = shanghaiParts(date);
  return `${day} ${time}`;
}

export function parseShanghaiDateTime(text: string): Date | null {
  const match = DATE_TIME_PATTERN.exec(text);
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number, number, number, number, number, number,
  ];
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - OFFSET_MS);
}

export function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}
