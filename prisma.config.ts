import { defineConfig } from 'prisma/config';
import { migrationAdapter } from './lib/db/migration-adapter';

// The JavaScript schema engine with the pg driver adapter: no engine binary is downloaded.
// scripts/prisma.ts runs the CLI with DATABASE_URL set (embedded PostgreSQL when none is given).
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: run Prisma through `npm run prisma -- …`.');
    return migrationAdapter(url);
  },
});
