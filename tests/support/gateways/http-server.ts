import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface IncomingRequest {
  method: string;
  // Path and query as sent, e.g. /v3/pay/transactions/out-trade-no/N1?mchid=1
  target: string;
  headers: Headers;
  body: string;
}

export interface OutgoingReply {
  status: number;
  headers?: Readonly<Record<string, string>>;
  body?: string;
}

export type Handler = (request: IncomingRequest) => Promise<OutgoingReply> | OutgoingReply;

export interface StartedServer {
  url: string;
  close(): Promise<void>;
}

// A loopback server on a free port; a handler that throws answers 500 so a test sees it.
export async function startServer(handler: Handler): Promise<StartedServer> {
  const server = createServer((req, res) => {
    void serve(handler, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function serve(handler: Handler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(', '));
  }
  let reply: OutgoingReply;
  try {
    reply = await handler({
      method: req.method ?? 'GET',
      target: req.url ?? '/',
      headers,
      body: Buffer.concat(chunks).toString('utf8'),
    });
  } catch (error) {
    reply = { status: 500, body: error instanceof Error ? error.message : String(error) };
  }
  res.writeHead(reply.status, reply.headers ?? {});
  res.end(reply.body ?? '');
}

export interface Delivery {
  headers: Readonly<Record<string, string>>;
  body: string;
}

export interface DeliveryResult {
  status: number;
  body: string;
}

// How a gateway posts a notification to the merchant's notify_url.
export async function deliver(url: string, delivery: Delivery): Promise<DeliveryResult> {
  const response = await fetch(url, { method: 'POST', headers: delivery.headers, body: delivery.body });
  return { status: response.status, body: await response.text() };
}
