import { setLocale, setMode } from '@/app/_actions/preferences';
import type { Preferences } from '@/lib/http/request-context';

const switchClass =
  'min-h-11 min-w-11 rounded-xl border-2 border-warm bg-card px-3 py-1 text-lg font-semibold text-warm hover:bg-warm-soft elder:min-h-[3rem] elder:min-w-[3rem]';

/**
 * Plain forms posting to server actions: they work before JavaScript loads and without it.
 * The mode is always offered by its name, 长辈版.
 */
export function PreferenceSwitches({ prefs }: { prefs: Preferences }) {
  const { t, elder, locale } = prefs;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={setMode}>
        <input type="hidden" name="mode" value={elder ? 'standard' : 'elder'} />
        <button type="submit" className={switchClass} aria-label={elder ? t.mode.switchToStandard : t.mode.switchToElder}>
          {elder ? t.mode.standard : t.mode.elder}
        </button>
      </form>
      <form action={setLocale}>
        <input type="hidden" name="locale" value={locale === 'en' ? 'zh' : 'en'} />
        <button type="submit" className={switchClass} lang={locale === 'en' ? 'zh-CN' : 'en'}>
          {t.lang.switchTo}
        </button>
      </form>
    </div>
  );
}
