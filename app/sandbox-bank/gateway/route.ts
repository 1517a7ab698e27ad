import { sandboxBankSide } from '@/lib/sandbox-bank/config';
import { handleGatewayRequest } from '@/lib/sandbox-bank/gateway';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

/** The built-in sandbox bank's API (银企直连 simulation), present only when it is switched on. */
export async function POST(request: Request): Promise<Response> {
  if (!env().payments.sandboxBank) return new Response('not found', { status: 404 });
  const reply = await handleGatewayRequest(sandboxBankSide(), await request.text(), new Date());
  return new Response(reply.body, { status: reply.status, headers: { 'Content-Type': 'application/json' } });
}
