/**
 * Throughput of the billing core on one core: `npm run bench:billing`. Prints operations per
 * second for each case; a benchmark, not a test, so it asserts nothing beyond sanity checks.
 */
import { cpus } from 'node:os';
import {
  compileTariff,
  energyCharge,
  quoteBill,
  substandardRefund,
  type Payment,
  type Property,
} from '../lib/billing/index';
import { HARBIN_LIKE_TARIFF } from '../lib/billing/example-tariffs';

const ROUND_MS = 1_000;
const ROUNDS = 3;

const tariff = compileTariff(HARBIN_LIKE_TARIFF);
const home: Property = { buildingAreaM2: '150.00', usableAreaM2: '118.40' };
const at = new Date('2027-02-20T09:30:15+08:00');
const onePayment: Payment[] = [{ at: new Date('2027-01-11T00:00:00+08:00'), amountFen: 100_000n }];
const threePayments: Payment[] = [
  { at: new Date('2027-01-05T08:00:00+08:00'), amountFen: 50_000n },
  { at: new Date('2027-01-19T12:30:00+08:00'), amountFen: 80_000n },
  { at: new Date('2027-02-02T18:45:30+08:00'), amountFen: 60_000n },
];
const coldDays = [
  { date: '2026-12-01', indoorC: '15.5' },
  { date: '2026-12-02', indoorC: '17.2' },
  { date: '2026-12-03', indoorC: 13 },
  { date: '2027-01-20', indoorC: '16.0' },
  { date: '2027-01-21', indoorC: '18.1' },
];

/** Runs `op` in batches for ROUND_MS, ROUNDS times after a warm-up, and keeps the best round. */
function measure(name: string, op: () => bigint): void {
  let sink = 0n;
  for (let i = 0; i < 200_000; i++) sink += op();
  let best = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let count = 0;
    const start = process.hrtime.bigint();
    let elapsedNs = 0n;
    while (elapsedNs < BigInt(ROUND_MS) * 1_000_000n) {
      for (let i = 0; i < 10_000; i++) sink += op();
      count += 10_000;
      elapsedNs = process.hrtime.bigint() - start;
    }
    best = Math.max(best, count / (Number(elapsedNs) / 1e9));
  }
  if (sink < 0n) throw new Error('impossible: amounts are never negative');
  console.log(`${name.padEnd(40)} ${Math.round(best).toLocaleString('en-US').padStart(12)} /s`);
}

console.log(`Nuanxin billing core — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, one core`);
console.log(`best of ${ROUNDS} rounds of ${ROUND_MS} ms each\n`);
measure('late-fee quote, 0 payments', () => quoteBill(tariff, home, [], at).dueFen);
measure('late-fee quote, 1 payment', () => quoteBill(tariff, home, onePayment, at).dueFen);
measure('late-fee quote, 3 payments', () => quoteBill(tariff, home, threePayments, at).dueFen);
measure('late-fee quote, raw tariff, 1 payment', () => quoteBill(HARBIN_LIKE_TARIFF, home, onePayment, at).dueFen);
measure('energyCharge', () => energyCharge(tariff, home));
measure('substandardRefund, 5 days', () => substandardRefund(tariff, 375_278n, coldDays));
