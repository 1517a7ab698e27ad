import Link from 'next/link';
import { ActionIcon } from './ActionIcon';

export function ActionTile({ href, title, hint, icon }: { href: string; title: string; hint: string; icon: Parameters<typeof ActionIcon>[0]['name'] }) {
  return (
    <Link
      href={href}
      className="flex min-h-24 items-center gap-4 rounded-2xl border-2 border-warm-soft bg-card p-4 text-ink shadow-sm hover:border-warm elder:min-h-[5rem]"
    >
      <ActionIcon name={icon} />
      <span className="flex flex-col">
        <span className="text-2xl font-bold text-warm">{title}</span>
        <span className="text-lg text-ink-soft elder:hidden">{hint}</span>
      </span>
    </Link>
  );
}
