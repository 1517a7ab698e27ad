import type { Metadata } from 'next';
import { z } from 'zod';
import { PageTitle } from '@/components/ui/PageTitle';
import { searchAudit } from '@/lib/audit/search';
import { requireStaff } from '@/lib/auth/current';
import { formatDateTime } from '@/lib/format/time';
import { preferences } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { privacyMessages } from '@/lib/i18n/privacy';

export const metadata: Metadata = { title: '审计日志' };

const inputClass = 'min-h-11 rounded-lg border-2 border-line bg-card px-3 py-2 text-xl text-ink elder:min-h-[3rem]';
const day = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(s)))]).optional();
const filterSchema = z.object({
  actor: z.string().trim().max(64).optional(),
  entity: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  from: day,
  to: day,
});

export default async function StaffAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaff(['ADMIN']);
  const { locale } = await preferences();
  const p = privacyMessages(locale);
  const raw = await searchParams;
  const parsed = filterSchema.safeParse(raw);
  const f = parsed.success ? parsed.data : {};
  const rows = parsed.success
    ? await searchAudit(staff.utilityId, { actorUsername: f.actor, entity: f.entity, action: f.action, fromDay: f.from, toDay: f.to })
    : [];
  const field = (name: keyof typeof f, label: string, type = 'text') => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`audit-${name}`} className="text-lg font-semibold">{label}</label>
      <input id={`audit-${name}`} name={name} type={type} defaultValue={typeof raw[name] === 'string' ? raw[name] : ''} className={inputClass} />
    </div>
  );
  return (
    <div className="flex flex-col gap-6">
      <PageTitle intro={p.auditIntro}>{p.auditTitle}</PageTitle>
      <form method="get" className="grid gap-3 sm:grid-cols-2" role="search">
        {field('actor', p.actor)}
        {field('entity', p.entity)}
        {field('action', p.action)}
        {field('from', p.from, 'date')}
        {field('to', p.to, 'date')}
        <button type="submit" className="inline-flex min-h-11 w-fit items-center self-end rounded-xl bg-warm px-5 text-lg font-semibold text-white elder:min-h-[3rem]">
          {p.search}
        </button>
      </form>
      {!parsed.success && <p role="alert" className="text-lg font-semibold text-bad">{p.dateInvalid}</p>}
      <p className="text-lg">{fill(p.results, { n: rows.length })}</p>
      <ul className="flex flex-col gap-3" data-testid="audit-results">
        {rows.map((r) => (
          <li key={`${r.archived}-${r.id}`} className="rounded-xl border-2 border-line bg-card p-3 text-lg">
            <p className="font-semibold">
              {formatDateTime(r.at)} · {r.action}
              {r.archived && ` · ${p.archived}`}
            </p>
            <p>
              {p.actor}: {r.actor ?? r.actorKind} · {p.entity}: {r.entity} {r.entityId ?? ''}
            </p>
            <p className="break-all">
              {p.ip}: {r.ip ?? '—'} · {p.detail}: {r.detail ? JSON.stringify(r.detail) : '—'}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
