import type { PrivacyMessages } from '@/lib/i18n/privacy';
import { ClosureForm } from './ClosureForm';

/** The resident's data rights on /me: a copy of their data, and closing the account. */
export function DataRights({ p, pendingText }: { p: PrivacyMessages; pendingText: string | null }) {
  return (
    <section aria-labelledby="my-data" className="flex flex-col gap-4">
      <h2 id="my-data" className="text-2xl font-bold">{p.myData}</h2>
      <p className="text-lg text-ink-soft">{p.myDataIntro}</p>
      <a href="/me/data" download className="inline-flex min-h-11 w-fit items-center rounded-xl border-2 border-warm px-5 text-xl font-semibold text-warm elder:min-h-[3rem]">
        {p.download}
      </a>
      <h3 className="text-xl font-semibold">{p.closeTitle}</h3>
      <p className="text-lg text-ink-soft">{p.closeHint}</p>
      <ClosureForm labels={{ reason: p.closeReason, submit: p.closeSubmit }} pendingText={pendingText} />
    </section>
  );
}
