import type { Metadata } from 'next';
import Link from 'next/link';
import { HotwordForm } from '@/components/complaints/HotwordForm';
import { PageTitle } from '@/components/ui/PageTitle';
import { requireStaff } from '@/lib/auth/current';
import { getHotword, listHotwords } from '@/lib/complaints/edit-hotwords';
import { shanghaiDay } from '@/lib/complaints/shanghai';
import { preferences } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { complaintMessages } from '@/lib/i18n/complaints';

export const metadata: Metadata = { title: '热词库' };

export default async function HotwordsPage({ searchParams }: { searchParams: Promise<{ q?: string; term?: string }> }) {
  const staff = await requireStaff(['SUPERVISOR', 'ADMIN']);
  const { locale } = await preferences();
  const h = complaintMessages(locale).hotwords;
  const { q = '', term = '' } = await searchParams;
  const filter = q.trim().slice(0, 20);
  const rows = await listHotwords(staff.utilityId, shanghaiDay(new Date()), filter);
  const editing = term ? await getHotword(staff.utilityId, term) : null;
  return (
    <div className="flex flex-col gap-6">
      <PageTitle intro={h.intro}>{h.title}</PageTitle>
      <section aria-labelledby="hotword-edit" className="flex flex-col gap-3 rounded-2xl bg-card p-4">
        <h2 id="hotword-edit" className="text-2xl font-bold">{h.add}</h2>
        <HotwordForm
          key={editing?.term ?? 'new'}
          h={h}
          initial={{
            term: editing?.term ?? '',
            category: editing?.category ?? 'NOT_WARM',
            severity: String(editing?.severity ?? 2),
            dailyThreshold: String(editing?.dailyThreshold ?? 50),
            active: editing?.active ?? true,
          }}
        />
      </section>
      <form role="search" action="/staff/hotwords" className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-lg font-semibold">
          {h.search}
          <input name="q" defaultValue={filter} maxLength={20} className="min-h-11 rounded-lg border-2 border-line bg-card px-3 py-2 text-xl font-normal elder:min-h-[3rem]" />
        </label>
        <button type="submit" className="inline-flex min-h-11 items-center rounded-xl border-2 border-warm bg-card px-5 text-lg font-semibold text-warm elder:min-h-[3rem]">
          {h.searchButton}
        </button>
      </form>
      <ul className="grid gap-2 sm:grid-cols-2">
        {rows.map((r) => (
          <li key={r.term}>
            <Link
              href={`/staff/hotwords?term=${encodeURIComponent(r.term)}`}
              className={`flex min-h-11 flex-col rounded-xl border-2 p-3 elder:min-h-[3rem] ${r.active ? 'border-warm-soft bg-card' : 'border-dashed border-line bg-paper'}`}
            >
              <span className="text-xl font-semibold">{r.term}</span>
              <span className="text-lg text-ink-soft">
                {h.categories[r.category]} · {h.severities[String(r.severity) as '1' | '2' | '3']} · {h.threshold} {r.dailyThreshold} · {fill(h.today, { n: r.today })}
                {!r.active && ` · ${h.off}`}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
