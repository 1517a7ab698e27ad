/** Instants shown in Asia/Shanghai, whatever the server's or browser's zone. */
const FORMATS = {
  dateTime: new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }),
  date: new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }),
};

function parts(format: Intl.DateTimeFormat, at: Date): Record<string, string> {
  return Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
}

/** "2027-01-01 00:00" in Shanghai time. */
export function formatDateTime(at: Date): string {
  const p = parts(FORMATS.dateTime, at);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

export function formatDate(at: Date): string {
  const p = parts(FORMATS.date, at);
  return `${p.year}-${p.month}-${p.day}`;
}
