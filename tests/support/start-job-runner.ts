/**
 * One server process's job start-up, alone: waits for "go" on stdin (so that several processes
 * start at the same moment), starts the job runner on DATABASE_URL, stops it and exits 0; any
 * error is printed and exits 1. Used by tests/unit/jobs-startup.test.ts.
 */
import { startJobRunner } from '@/lib/jobs/runner';

process.stdout.write('ready\n');
process.stdin.once('data', () => {
  startJobRunner(process.env.DATABASE_URL!)
    .then((runner) => runner.stop())
    .then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
});
