import http from 'node:http';
import https from 'node:https';
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

// Gateways are called on every payment: connections are kept open between calls. node:http
// rather than fetch: on the payment hot path fetch's streams cost several times the CPU.
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

class TimedOut extends Error {}

// A timed-out call to a gateway has an unknown outcome (the order may exist), so the
// caller must learn the difference between "timed out" and "refused". Redirects are not
// followed: a gateway that redirects has answered.
export function sendHttp(request: HttpRequest): Promise<HttpReply> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch (error) {
    return Promise.reject(toTransportError(error, request));
  }
  const agent = url.protocol === 'https:' ? agents['https:'] : url.protocol === 'http:' ? agents['http:'] : null;
  if (!agent) return Promise.reject(new ChannelError('gateway_error', `Unsupported gateway address ${url.protocol}`, { host: url.host }));
  const send = url.protocol === 'https:' ? https.request : http.request;
  return new Promise<HttpReply>((resolve, reject) => {
    const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
    const req = send(url, {
      method: request.method,
      agent,
      headers: { ...request.headers, ...(body ? { 'Content-Length': String(body.length) } : {}) },
    });
    // The whole exchange, answer included, must finish in time.
    const timer = setTimeout(() => req.destroy(new TimedOut()), request.timeoutMs);
    const fail = (error: unknown) => {
      clearTimeout(timer);
      reject(toTransportError(error, request));
    };
    req.on('error', fail);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', fail);
      res.on('end', () => {
        clearTimeout(timer);
        const headers = new Headers();
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) headers.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.end(body);
  });
}

function toTransportError(error: unknown, request: HttpRequest): ChannelError {
  const host = URL.canParse(request.url) ? new URL(request.url).host : request.url;
  if (error instanceof TimedOut) {
    return new ChannelError('gateway_timeout', `No answer from ${host} within ${request.timeoutMs} ms`, {
      host,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ChannelError('gateway_error', `Could not reach ${host}: ${reason}`, { host });
}
