import Link from 'next/link';

/**
 * A row of links that filter a staff list by `?view=`: plain links, so each view has its own
 * address; the current one is marked for screen readers (aria-current) as well as by colour.
 */
export function FilterLinks<V extends string>({ label, base, views, current, names }: { label: string; base: string; views: readonly V[]; current: V; names: Record<V, string> }) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-2">
      {views.map((v) => (
        <Link
          key={v}
          href={`${base}?view=${v}`}
          aria-current={v === current ? 'page' : undefined}
          className={`inline-flex min-h-11 items-center rounded-xl border-2 border-warm px-4 text-lg font-semibold elder:min-h-[3rem] ${v === current ? 'bg-warm text-white' : 'bg-card text-warm'}`}
        >
          {names[v]}
        </Link>
      ))}
    </nav>
  );
}
