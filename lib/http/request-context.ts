import { cookies, headers } from 'next/headers';
import { messages, parseLocale, LOCALE_COOKIE, type Locale, type Messages } from '@/lib/i18n';

/** Who is asking, in which language and mode, read once per request from cookies and headers. */
export const MODE_COOKIE = 'nx-mode';

export interface Preferences {
  locale: Locale;
  elder: boolean;
  t: Messages;
}

export async function preferences(): Promise<Preferences> {
  const jar = await cookies();
  const locale = parseLocale(jar.get(LOCALE_COOKIE)?.value);
  return { locale, elder: jar.get(MODE_COOKIE)?.value === 'elder', t: messages(locale) };
}

export interface RequestMeta {
  ip: string;
  userAgent: string;
  wechat: boolean;
}

export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  // server.ts replaces any client-sent X-Forwarded-For with the socket's address.
  const ip = h.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';
  const userAgent = h.get('user-agent') ?? '';
  return { ip, userAgent, wechat: /MicroMessenger/i.test(userAgent) };
}
