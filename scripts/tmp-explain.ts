import { pool, closeDb } from '../lib/db/client';
import { createTestDatabase, testSecrets } from '../tests/support/test-database';
import { seedAccounts, seedSessions } from './bench/seed';
async function main() {
  const db = await createTestDatabase(process.cwd());
  Object.assign(process.env, testSecrets(), { DATABASE_URL: db.url, NUANXIN_DEMO: '0' });
  try {
    await seedAccounts(5000);
    const s = await seedSessions(20);
    const { rows } = await pool().query(`SELECT resident_id FROM resident_account LIMIT 1`);
    const rid = rows[0].resident_id;
    const { listResidentBills } = await import('../lib/bills/resident-bills');
    const { listOpeningBalances } = await import('../lib/bills/opening-balances');
    const orig = (pool() as any).query.bind(pool());
    const texts: [string, unknown[]][] = [];
    (pool() as any).query = (t: any, v: any) => { texts.push([typeof t === 'string' ? t : t.text, v ?? t.values]); return orig(t, v); };
    await listResidentBills(rid, new Date());
    await listOpeningBalances(rid, new Date());
    (pool() as any).query = orig;
    for (const [t, v] of texts) {
      for (let i = 0; i < 3; i++) {
        const r = await pool().query(`EXPLAIN (ANALYZE, FORMAT JSON) ${t}`, v);
        const p = r.rows[0]['QUERY PLAN'][0];
        if (i === 2) console.log(t.replace(/\s+/g, ' ').slice(0, 80), 'plan', p['Planning Time'], 'exec', p['Execution Time']);
      }
    }
    void s;
  } finally { await closeDb(); await db.drop(); }
}
main();
