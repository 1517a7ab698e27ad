import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Channels } from '@/lib/payments/app-channels';
import { receiveNotify } from '@/lib/payments/receive-notify';
import type { SandboxBankSide } from './config';
import { handleGatewayRequest } from './gateway';

/**
 * The sandbox bank's gateway and Nuanxin's sandbox-bank notify endpoint on a bare loopback
 * node:http server, for the benchmark and the database tests. The app serves the very same
 * functions through its route handlers (app/sandbox-bank/gateway, app/api/payments/notify).
 */
export interface LoopbackBank {
  url: string;
  notifyUrl: string;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startLoopbackBank(side: () => SandboxBankSide, channels: () => Channels): Promise<LoopbackBank> {
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const body = await readBody(req);
        const now = new Date();
        if (req.method === 'POST' && req.url === '/gateway') {
          const reply = await handleGatewayRequest(side(), body, now);
          res.writeHead(reply.status, { 'Content-Type': 'application/json' }).end(reply.body);
          return;
        }
        if (req.method === 'POST' && req.url === '/notify') {
          const headers = new Headers();
          for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
          const reply = await receiveNotify(channels(), 'sandbox-bank', { headers, body }, now);
          if (!reply) res.writeHead(404).end();
          else res.writeHead(reply.status, reply.headers).end(reply.body);
          return;
        }
        res.writeHead(404).end();
      } catch (error) {
        console.error('[loopback-bank]', error);
        res.writeHead(500).end();
      }
    })();
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    notifyUrl: `${url}/notify`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
