import { ChannelError } from '@/lib/payments/channel';

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Readonly<Record<string, string>>;
  body?: string;
  timeoutMs: number;
}

export interface HttpReply {
  status: number;
  headers: Headers;
  body: string;
}

// A timed-out call to a gateway has an unknown outcome (the order may exist), so the
// caller must learn the difference between "timed out" and "refused".
export async function sendHttp(request: HttpRequest): Promise<HttpReply> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(request.timeoutMs),
      redirect: 'manual',
    });
  } catch (error) {
    throw toTransportError(error, request);
  }
  try {
    return { status: response.status, headers: response.headers, body: await response.text() };
  } catch (error) {
    throw toTransportError(error, request);
  }
}

function toTransportError(error: unknown, request: HttpRequest): ChannelError {
  const host = new URL(request.url).host;
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new ChannelError('gateway_timeout', `No answer from ${host} within ${request.timeoutMs} ms`, {
      host,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ChannelError('gateway_error', `Could not reach ${host}: ${reason}`, { host });
}
