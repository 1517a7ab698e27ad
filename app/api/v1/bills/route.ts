import { cookieSession } from '@/lib/auth/current';
import { billsJson } from '@/lib/bills/bills-json';
import { listBillsForSession } from '@/lib/bills/resident-bills';

export const dynamic = 'force-dynamic';

/** The signed-in resident's bills with what is due now, amounts in integer fen. */
export async function GET(): Promise<Response> {
  const session = await cookieSession();
  const bills = session?.kind === 'RESIDENT' ? await listBillsForSession(session.sid, new Date()) : null;
  if (!bills) {
    return Response.json({ error: 'unauthenticated', message: '请先登录。' }, { status: 401 });
  }
  return Response.json(billsJson(bills), { headers: { 'cache-control': 'private, no-store' } });
}
