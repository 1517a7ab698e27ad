import { currentResident } from '@/lib/auth/current';
import { requestMeta } from '@/lib/http/request-context';
import { residentDataExport } from '@/lib/privacy/export-data';

/** A signed-in resident's own data as a JSON download (audited). */
export async function GET(): Promise<Response> {
  const resident = await currentResident();
  if (!resident) return new Response('请先登录。 / Please sign in.', { status: 401 });
  const { ip } = await requestMeta();
  const now = new Date();
  const data = await residentDataExport(resident.residentId, ip, now);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="nuanxin-my-data-${now.toISOString().slice(0, 10)}.json"`,
      'cache-control': 'no-store',
    },
  });
}
