import { randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import { pool } from '@/lib/db/client';
import { enqueue } from '@/lib/jobs/boss';
import { SANDBOX_NOTIFY_JOB } from '@/lib/sandbox-bank/notify-schedule';
import { exited } from '@/lib/runtime/spawn-server';
import { expect, freePort, startServerProcess, test } from './world';

/**
 * SIGTERM: the request in flight gets its answer, new connections are refused, the job that was
 * running finishes (its follow-up stays queued), every database connection is closed, and the
 * process exits 0 well within the Deployment's grace period.
 */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

test('SIGTERM finishes the request and the job in flight, refuses new connections, closes the pool, exits 0', async ({ world }) => {
  test.setTimeout(120_000);
  // A merchant endpoint that takes 1.5 s to answer: the notify job is still running at SIGTERM.
  let notifies = 0;
  const slow = http.createServer((req, res) => {
    notifies++;
    req.resume();
    setTimeout(() => res.writeHead(503).end('busy'), 1500);
  });
  await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
  const bankTradeNo = `SB${randomBytes(12).toString('hex').toUpperCase()}`;
  await pool().query(
    `INSERT INTO sandbox_bank_trade (bank_trade_no, merchant_id, out_trade_no, amount_fen, subject, notify_url, return_url, status, expires_at, paid_at)
     VALUES ($1, 'NX-SANDBOX-0001', $2, 100, '停机测试', $3, '', 'SUCCESS', now() + interval '15 minutes', now())`,
    [bankTradeNo, `SD${randomBytes(8).toString('hex')}`, `http://127.0.0.1:${(slow.address() as net.AddressInfo).port}/notify`],
  );

  // The only process running jobs in this world, its connections tagged to count them later.
  const tag = `nx-shutdown-${randomBytes(4).toString('hex')}`;
  const url = new URL(world.databaseUrl);
  url.searchParams.set('application_name', tag);
  const server = await startServerProcess(url.toString(), await freePort(), { JOBS: '1' });
  await enqueue(SANDBOX_NOTIFY_JOB, { bankTradeNo, attempt: 0 });

  // A request in flight: headers and half the body sent, the rest after SIGTERM.
  const body = '{"fields":{"a":"b"}}';
  const socket = tls.connect({ host: '127.0.0.1', port: server.port, servername: 'localhost', rejectUnauthorized: false });
  await new Promise((resolve) => socket.once('secureConnect', resolve));
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
  const answered = new Promise((resolve) => socket.once('end', resolve));
  socket.write(`POST /api/payments/notify/sandbox-bank HTTP/1.1\r\nHost: localhost:${server.port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 8)}`);

  await expect.poll(() => notifies, { timeout: 20_000 }).toBe(1);
  const stopped = Date.now();
  server.child.kill('SIGTERM');
  await expect.poll(() => refused(server.port), { timeout: 5_000 }).toBe(true);
  socket.write(body.slice(8));
  await answered;
  // The sandbox bank's "retry later" answer to a notify that is not signed: a whole response.
  expect(answer).toMatch(/^HTTP\/1\.1 400 /);
  expect(answer).toMatch(/connection: close/i);
  expect(answer).toContain('RETRY');

  expect(await exited(server.child)).toBe(0);
  const seconds = (Date.now() - stopped) / 1000;
  expect(seconds).toBeLessThan(15);
  console.info(`[shutdown] exited 0 in ${seconds.toFixed(1)} s`);
  slow.close();

  const { rows: connections } = await pool().query(`SELECT pid FROM pg_stat_activity WHERE application_name = $1`, [tag]);
  expect(connections).toEqual([]);
  // The running job finished (the merchant was busy, so attempt 1 is queued): nothing was lost.
  const { rows: jobs } = await pool().query<{ state: string; attempt: string }>(
    `SELECT state, data->>'attempt' AS attempt FROM pgboss.job WHERE name = $1 AND data->>'bankTradeNo' = $2 ORDER BY created_on`,
    [SANDBOX_NOTIFY_JOB, bankTradeNo],
  );
  expect(jobs).toEqual([
    { state: 'completed', attempt: '0' },
    { state: 'created', attempt: '1' },
  ]);
});
