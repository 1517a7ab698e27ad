/**
 * `npm test`: every check, in order — typecheck, lint, unit tests (vitest), browser tests
 * (Playwright against the production build over HTTPS on a real PostgreSQL). Ends with one line
 * `tests: N passed, N failed, N skipped` over both test runners.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';

interface Step {
  name: string;
  args: string[];
}

const bin = (name: string) => `node_modules/.bin/${name}`;
const STEPS: Step[] = [
  { name: 'typecheck', args: [bin('tsc'), '--noEmit'] },
  { name: 'lint', args: [bin('eslint'), '.', '--max-warnings=0'] },
  { name: 'unit', args: [bin('vitest'), 'run', '--reporter=default', '--reporter=json', '--outputFile=reports/unit.json'] },
  { name: 'e2e', args: [bin('playwright'), 'test'] },
];

function run(step: Step): Promise<number> {
  return new Promise((resolve) => {
    const [command, ...args] = step.args as [string, ...string[]];
    const child = spawn(command, args, { stdio: 'inherit', env: process.env });
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(1));
  });
}

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function vitestCounts(): Counts {
  if (!existsSync('reports/unit.json')) return { passed: 0, failed: 0, skipped: 0 };
  const r = JSON.parse(readFileSync('reports/unit.json', 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

function playwrightCounts(): Counts {
  if (!existsSync('reports/e2e.json')) return { passed: 0, failed: 0, skipped: 0 };
  const r = JSON.parse(readFileSync('reports/e2e.json', 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
}

async function main(): Promise<number> {
  await mkdir('reports', { recursive: true });
  const only = process.argv.slice(2);
  const failedSteps: string[] = [];
  for (const step of STEPS) {
    if (only.length && !only.includes(step.name)) continue;
    console.info(`\n━━ ${step.name} ━━`);
    const code = await run(step);
    if (code !== 0) failedSteps.push(step.name);
  }
  const counts = [vitestCounts(), playwrightCounts()].reduce(
    (a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped }),
  );
  console.info(`\n${failedSteps.length ? `Failed steps: ${failedSteps.join(', ')}` : 'All steps passed.'}`);
  // Steps that fail without a failing test (typecheck, lint) still count as a failure.
  const failed = counts.failed + (failedSteps.length && counts.failed === 0 ? failedSteps.length : 0);
  console.info(`tests: ${counts.passed} passed, ${failed} failed, ${counts.skipped} skipped`);
  return failedSteps.length ? 1 : 0;
}

main().then((code) => process.exit(code));
