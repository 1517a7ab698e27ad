/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
import { openLocalDatabase } from '../lib/db/local';
import { migrateDeploy } from '../lib/db/prisma-cli';

const db = await openLocalDatabase();
try {
  await migrateDeploy(db.url);
} finally {
  await db.stop();
}
