import { appChannels, isChannelId } from '@/lib/payments/app-channels';
import { payPolicy } from '@/lib/refunds/jobs';
import { receiveRefundNotify } from '@/lib/refunds/receive-refund-notify';

export const dynamic = 'force-dynamic';

/** A channel's asynchronous refund notify: verified, applied once, answered in the channel's words. */
export async function POST(request: Request, { params }: { params: Promise<{ channel: string }> }): Promise<Response> {
  const { channel } = await params;
  if (!isChannelId(channel)) return new Response('not found', { status: 404 });
  // Signatures cover the bytes as sent: read the raw text, never a re-serialised object.
  const body = await request.text();
  const reply = await receiveRefundNotify(appChannels(), channel, { headers: request.headers, body }, new Date(), payPolicy());
  if (!reply) return new Response('not found', { status: 404 });
  return new Response(reply.body === '' ? null : reply.body, { status: reply.status, headers: reply.headers });
}
