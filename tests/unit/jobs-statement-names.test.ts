import { describe, expect, it, vi } from 'vitest';

/**
 * pg-boss's statements are named per text (lib/jobs/boss.ts). Next bundles that module into
 * several chunks sharing one pool: every copy must give a text the same name, or a connection
 * meets one name for two texts and PostgreSQL's client refuses the query.
 */
describe("pg-boss's statement names", () => {
  it('are the same in every copy of the module, whatever each copy named first', async () => {
    const first = await import('@/lib/jobs/boss');
    vi.resetModules();
    const second = await import('@/lib/jobs/boss');
    expect(second).not.toBe(first);
    const insert = 'INSERT INTO pgboss.job (id, name) VALUES ($1, $2)';
    const fetch = 'SELECT * FROM pgboss.job WHERE name = $1';
    const a = first.pgBossStatementName(insert);
    second.pgBossStatementName(fetch);
    expect(second.pgBossStatementName(insert)).toBe(a);
    expect(first.pgBossStatementName(fetch)).toBe(second.pgBossStatementName(fetch));
    expect(a).not.toBe(second.pgBossStatementName(fetch));
  });

  it('stop after 32 texts: further texts go unnamed', async () => {
    vi.resetModules();
    const { pgBossStatementName } = await import('@/lib/jobs/boss');
    const names = Array.from({ length: 40 }, (_, i) => pgBossStatementName(`SELECT ${i} WHERE $1`));
    expect(new Set(names.slice(0, 32)).size).toBe(32);
    expect(names.slice(32)).toEqual(Array(8).fill(undefined));
    expect(pgBossStatementName('SELECT 0 WHERE $1')).toBe(names[0]);
  });
});
