import { appChannels, isChannelId } from '@/lib/payments/app-channels';
import { receiveNotify } from '@/lib/payments/receive-notify';

export const dynamic = 'force-dynamic';

/** A channel's asynchronous payment notify: verified, applied, answered in the channel's words. */
export async function POST(request: Request, { params }: { params: Promise<{ channel: string }> }): Promise<Response> {
  const { channel } = await params;
  if (!isChannelId(channel)) return new Response('not found', { status: 404 });
  // Signatures cover the bytes as sent: read the raw text, never a re-serialised object.
  const body = await request.text();
  const reply = await receiveNotify(appChannels(), channel, { headers: request.headers, body }, new Date());
  if (!reply) return new Response('not found', { status: 404 });
  // WeChat Pay acknowledges with 204, which must carry no body at all.
  return new Response(reply.body === '' ? null : reply.body, { status: reply.status, headers: reply.headers });
}
