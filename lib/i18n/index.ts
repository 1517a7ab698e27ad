import { en } from './en';
import { zh, type Messages } from './zh';

export type Locale = 'zh' | 'en';
export type { Messages };

export const LOCALE_COOKIE = 'nx-lang';

export function messages(locale: Locale): Messages {
  return locale === 'en' ? en : zh;
}

export function parseLocale(value: string | undefined): Locale {
  return value === 'en' ? 'en' : 'zh';
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
