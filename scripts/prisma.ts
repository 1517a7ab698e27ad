/**
 * The Prisma CLI, offline, on DATABASE_URL or the embedded database.
 * Usage: npm run prisma -- migrate dev --name add_bills
 */
import { openLocalDatabase } from '../lib/db/local';
import { runPrismaCli } from '../lib/db/prisma-cli';

const args = process.argv.slice(2);
const offline = ['generate', 'format', 'validate'].includes(args[0] ?? '');

async function main(): Promise<number> {
  // `generate` never connects, but without some URL Prisma falls back to downloading an engine.
  if (offline) return runPrismaCli(args, process.env.DATABASE_URL ?? 'postgresql://unused@127.0.0.1:1/unused');
  const db = await openLocalDatabase();
  try {
    return await runPrismaCli(args, db.url);
  } finally {
    await db.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
