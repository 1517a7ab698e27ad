import Link from 'next/link';
import type { StaffRole } from '@/lib/auth/current';
import type { Locale } from '@/lib/i18n';

/** The console's onboarding and data-protection pages a role may open. */
const LINKS: { href: string; zh: string; en: string; roles: readonly StaffRole[] }[] = [
  { href: '/staff/accounts', zh: '户档案查询', en: 'Account lookup', roles: ['AGENT', 'SUPERVISOR', 'ADMIN'] },
  { href: '/staff/closures', zh: '注销申请', en: 'Closure requests', roles: ['SUPERVISOR', 'ADMIN'] },
  { href: '/staff/import', zh: '导入历史数据', en: 'Import legacy records', roles: ['ADMIN'] },
  { href: '/staff/audit', zh: '审计日志', en: 'Audit log', roles: ['ADMIN'] },
];

export function StaffLinks({ role, locale }: { role: StaffRole; locale: Locale }) {
  return (
    <nav aria-label={locale === 'en' ? 'Console' : '工作台功能'}>
      <ul className="flex flex-col gap-2">
        {LINKS.filter((l) => l.roles.includes(role)).map((l) => (
          <li key={l.href}>
            <Link href={l.href} className="inline-flex min-h-11 items-center text-xl text-warm underline underline-offset-4 elder:min-h-[3rem]">
              {locale === 'en' ? l.en : l.zh}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
