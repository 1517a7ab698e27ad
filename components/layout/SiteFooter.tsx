import type { Preferences } from '@/lib/http/request-context';

export function SiteFooter({ prefs, hotline }: { prefs: Preferences; hotline: string }) {
  return (
    <footer className="no-print mt-12 border-t-2 border-warm-soft bg-card">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-4 text-lg text-ink-soft">
        <span>{prefs.t.app.tagline}</span>
        <a href={`tel:${hotline}`} className="inline-flex min-h-11 items-center font-semibold text-warm underline elder:min-h-[3rem]">
          {prefs.t.app.hotline} {hotline}
        </a>
      </div>
    </footer>
  );
}
