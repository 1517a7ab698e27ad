import { auth } from '@/auth';
import { listBillsForSession } from '@/lib/bills/resident-bills';

export const dynamic = 'force-dynamic';

/** The signed-in resident's bills with what is due now, amounts in integer fen. */
export async function GET(): Promise<Response> {
  const session = await auth();
  const bills = session?.sid && session.kind === 'RESIDENT' ? await listBillsForSession(session.sid, new Date()) : null;
  if (!bills) {
    return Response.json({ error: 'unauthenticated', message: '请先登录。' }, { status: 401 });
  }
  return Response.json(
    {
      bills: bills.map((b) => ({
        id: b.id,
        season: b.season,
        accountNo: b.accountNo,
        address: b.address,
        status: b.status,
        principalFen: Number(b.principalFen),
        lateFeeFen: Number(b.lateFeeFen),
        dueFen: Number(b.dueFen),
      })),
    },
    { headers: { 'cache-control': 'private, no-store' } },
  );
}
