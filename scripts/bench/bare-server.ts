/**
 * The baseline of `npm run bench`: the same bill lookup served by bare node:http and pg, with no
 * framework, no TLS and no session check — what this machine can do at most.
 */
import http from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const server = http.createServer(async (req, res) => {
  const account = new URL(req.url ?? '/', 'http://x').searchParams.get('account') ?? '';
  try {
    const { rows } = await pool.query(
      `SELECT id, season, status, principal_fen::text AS principal_fen FROM bill WHERE account_id = $1`,
      [account],
    );
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ bills: rows }));
  } catch {
    res.writeHead(400).end();
  }
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
