'use server';

import { formInput } from '@/lib/http/action-input';
import { cookies } from 'next/headers';
import { LOCALE_COOKIE } from '@/lib/i18n';
import { MODE_COOKIE } from '@/lib/http/request-context';

const YEAR = 365 * 86_400;
const cookieOptions = { maxAge: YEAR, path: '/', sameSite: 'lax', secure: true, httpOnly: false } as const;

/** Elder or standard mode; kept in a cookie so the server renders the chosen mode from the first byte. */
export async function setMode(formData: FormData): Promise<void> {
  formData = formInput(formData);
  const mode = formData.get('mode') === 'elder' ? 'elder' : 'standard';
  (await cookies()).set(MODE_COOKIE, mode, cookieOptions);
}

export async function setLocale(formData: FormData): Promise<void> {
  formData = formInput(formData);
  const locale = formData.get('locale') === 'en' ? 'en' : 'zh';
  (await cookies()).set(LOCALE_COOKIE, locale, cookieOptions);
}
