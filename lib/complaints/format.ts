/** How instants read in notices and pages: Asia/Shanghai, 24-hour, e.g. 11月25日 14:30. */
export function formatShanghai(at: Date, locale: 'zh' | 'en' = 'zh'): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: locale === 'en' ? 'short' : 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at);
}
