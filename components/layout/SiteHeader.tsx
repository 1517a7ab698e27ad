import Link from 'next/link';
import type { Preferences } from '@/lib/http/request-context';
import { PreferenceSwitches } from './PreferenceSwitches';

export function SiteHeader({ prefs, homeHref = '/' }: { prefs: Preferences; homeHref?: string }) {
  return (
    <header className="no-print border-b-2 border-warm-soft bg-card">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link
          href={homeHref}
          className="flex min-h-11 items-center gap-2 text-2xl font-bold text-warm elder:min-h-[3rem]"
        >
          <span aria-hidden="true">♨</span>
          {prefs.t.app.name}
        </Link>
        <PreferenceSwitches prefs={prefs} />
      </div>
    </header>
  );
}
