import type { Metadata } from 'next';
import { ClosureDecision } from '@/components/privacy/ClosureDecision';
import { PageTitle } from '@/components/ui/PageTitle';
import { requireStaff } from '@/lib/auth/current';
import { formatDateTime } from '@/lib/format/time';
import { preferences } from '@/lib/http/request-context';
import { privacyMessages } from '@/lib/i18n/privacy';
import { listClosureRequests } from '@/lib/privacy/closure';

export const metadata: Metadata = { title: '注销申请' };

export default async function StaffClosuresPage() {
  const staff = await requireStaff(['SUPERVISOR', 'ADMIN']);
  const { locale } = await preferences();
  const p = privacyMessages(locale);
  const requests = await listClosureRequests(staff.utilityId);
  return (
    <div className="flex flex-col gap-6">
      <PageTitle intro={p.closuresIntro}>{p.closuresTitle}</PageTitle>
      {requests.length === 0 ? (
        <p className="text-lg">{p.closuresNone}</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {requests.map((r) => (
            <li key={r.id} className="flex flex-col gap-2 rounded-xl border-2 border-line bg-card p-4 text-lg">
              <p className="font-semibold">{p.phone} {r.phoneMasked}</p>
              <p>{p.requestedAt}: {formatDateTime(r.requestedAt)}</p>
              {r.reason && <p>{p.reason}: {r.reason}</p>}
              <ClosureDecision requestId={r.id} labels={{ approve: p.approve, refuse: p.refuse }} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
