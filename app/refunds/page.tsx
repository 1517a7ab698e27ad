import { ComingSoon } from '@/components/layout/ComingSoon';
import { requireResident } from '@/lib/auth/current';
import { preferences } from '@/lib/http/request-context';

export default async function Page() {
  await requireResident();
  const { t } = await preferences();
  return <ComingSoon title={t.home.refunds} />;
}
