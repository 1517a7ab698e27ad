import { pool } from '@/lib/db/client';

export const dynamic = 'force-dynamic';

/** Liveness and readiness: the database answers within a second, or the portal says it is down. */
export async function GET(): Promise<Response> {
  const started = Date.now();
  try {
    await Promise.race([
      pool().query('SELECT 1'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('database timeout')), 1000)),
    ]);
    return Response.json({ status: 'up', database: 'up', ms: Date.now() - started });
  } catch (error) {
    console.error('[health] database check failed:', error instanceof Error ? error.message : error);
    return Response.json(
      { status: 'down', database: 'down' },
      { status: 503, headers: { 'retry-after': '5' } },
    );
  }
}
