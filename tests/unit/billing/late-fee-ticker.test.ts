import { describe, expect, it } from 'vitest';
import {
  compileTariff,
  dueFenAt,
  lateFeeFenAt,
  lateFeeRatePerSecondFen,
  lateFeeTicker,
  quoteBill,
  type Payment,
  type Tariff,
} from '@/lib/billing';
import { FLAT, HOME, sh } from './fixtures';

describe('lateFeeRatePerSecondFen', () => {
  const cases: { principal: bigint; tariff: Tariff; num: bigint; den: bigint }[] = [
    // 2400.00 元 × 0.001 a day = 2.40 元 a day = 1/360 fen a second
    { principal: 240000n, tariff: FLAT, num: 1n, den: 360n },
    // 1424.00 元 → 1.424 元 a day = 142400 / 86400000 fen a second
    { principal: 142400n, tariff: FLAT, num: 89n, den: 54000n },
    { principal: 0n, tariff: FLAT, num: 0n, den: 1n },
    { principal: 240000n, tariff: { ...FLAT, lateFee: null }, num: 0n, den: 1n },
  ];
  it.each(cases)('$principal fen unpaid accrues $num/$den fen a second', ({ principal, tariff, num, den }) => {
    expect(lateFeeRatePerSecondFen(tariff, principal)).toEqual({ num, den });
  });
});

describe('lateFeeTicker', () => {
  const tariff = compileTariff(FLAT);
  const payments: Payment[] = [{ at: sh('2027-01-11 00:00:00'), amountFen: 100000n }];

  it('ticks to exactly what the server would quote, second by second', () => {
    const snapshot = sh('2027-01-15 10:20:30');
    const ticker = lateFeeTicker(tariff, HOME, payments, snapshot);
    for (let seconds = 0; seconds <= 3 * 86400; seconds += 977) {
      const now = new Date(snapshot.getTime() + seconds * 1000);
      const quote = quoteBill(tariff, HOME, payments, now);
      expect(lateFeeFenAt(ticker, now)).toBe(quote.lateFeeFen);
      expect(dueFenAt(ticker, now)).toBe(quote.dueFen);
    }
  });

  it('starts ticking at dueAt when the snapshot is taken earlier', () => {
    const ticker = lateFeeTicker(tariff, HOME, [], sh('2026-12-20 00:00:00'));
    expect(ticker.accruesFrom).toEqual(sh('2027-01-01 00:00:00'));
    expect(lateFeeFenAt(ticker, sh('2026-12-31 23:59:59'))).toBe(0n);
    expect(lateFeeFenAt(ticker, sh('2027-01-11 00:00:00'))).toBe(2400n); // 24.00 元
    expect(dueFenAt(ticker, sh('2027-01-11 00:00:00'))).toBe(242400n); // 2424.00 元
  });

  it('stands still once the bill is settled', () => {
    const settled: Payment[] = [{ at: sh('2027-01-11 00:00:00'), amountFen: 242400n }];
    const ticker = lateFeeTicker(tariff, HOME, settled, sh('2027-01-11 00:00:00'));
    expect(ticker.perMsNum).toBe(0n);
    expect(lateFeeFenAt(ticker, sh('2027-03-01 00:00:00'))).toBe(2400n); // 24.00 元, paid
    expect(dueFenAt(ticker, sh('2027-03-01 00:00:00'))).toBe(0n);
  });

  it('never passes the cap', () => {
    const capped = compileTariff({ ...FLAT, lateFee: { dueAt: '2027-01-01T00:00:00+08:00', ratePerDay: '0.001', capRatio: '0.01' } });
    const ticker = lateFeeTicker(capped, HOME, [], sh('2027-01-05 00:00:00'));
    expect(lateFeeFenAt(ticker, sh('2027-03-01 00:00:00'))).toBe(2400n); // cap 24.00 元
  });
});
