import type { TestProject } from 'vitest/node';
import { createTestDatabase, testSecrets, type TestDatabase } from '../support/test-database';

/**
 * One fresh, migrated database for the unit run (pure tests ignore it). Its URL and the run's
 * secrets reach the test workers through the environment.
 */
let db: TestDatabase | undefined;

export default async function setup(_project: TestProject): Promise<() => Promise<void>> {
  db = await createTestDatabase();
  Object.assign(process.env, testSecrets(), { DATABASE_URL: db.url, NUANXIN_DEMO: '0', NODE_ENV: 'test' });
  return async () => {
    await db?.drop();
  };
}
