import { z } from 'zod';
import { currentResident } from '@/lib/auth/current';
import { isChannelError } from '@/lib/payments/channel';
import { appChannels } from '@/lib/payments/app-channels';
import { refreshPayment } from '@/lib/payments/refresh-payment';
import { getResidentPayment } from '@/lib/payments/resident-payments';

export const dynamic = 'force-dynamic';

/** The verified status of the resident's own payment, for the result page's polling. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const resident = await currentResident();
  if (!resident) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return Response.json({ error: 'not_found' }, { status: 404 });
  const payment = await getResidentPayment(resident.residentId, id);
  if (!payment) return Response.json({ error: 'not_found' }, { status: 404 });
  let status = payment.status;
  try {
    status = await refreshPayment(appChannels(), id, payment.status, new Date());
  } catch (error) {
    // The channel could not be asked right now; the stored status is still the truth so far.
    if (!isChannelError(error)) throw error;
  }
  return Response.json({ status }, { headers: { 'Cache-Control': 'no-store' } });
}
