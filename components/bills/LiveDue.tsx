'use client';

import { useEffect, useState } from 'react';
import { dueFenAt, lateFeeFenAt, type LateFeeTicker } from '@/lib/billing/late-fee';
import { formatMoney } from '@/lib/format/money';

/**
 * The amount due and the late fee, advanced every second in the browser from the server's exact
 * snapshot — the same arithmetic the server uses, so a payment started now asks for this amount.
 */
export function LiveDue({ ticker, labels }: { ticker: LateFeeTicker; labels: { dueNow: string; lateFee: string } }) {
  const [now, setNow] = useState(() => ticker.at);
  const ticking = ticker.perMsNum > 0n && lateFeeFenAt(ticker, ticker.at) < ticker.capFen;
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return (
    <dl className="grid grid-cols-[auto_1fr] items-baseline gap-x-4 gap-y-1">
      <dt className="text-xl">{labels.dueNow}</dt>
      <dd className="text-3xl font-bold text-warm" data-testid="due-now">
        {formatMoney(dueFenAt(ticker, now))}
      </dd>
      <dt className="text-lg text-ink-soft">{labels.lateFee}</dt>
      <dd className="text-lg" data-testid="late-fee-now">
        {formatMoney(lateFeeFenAt(ticker, now))}
      </dd>
    </dl>
  );
}
