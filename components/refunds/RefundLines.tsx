import { formatMoney } from '@/lib/format/money';
import { fill } from '@/lib/i18n';
import type { RefundMessages } from '@/lib/i18n/refunds';
import type { RefundLine } from '@/lib/refunds/compute-amount';

/** How a refund's amount was reached, line by line, exactly as the billing core laid it out. */
export function RefundLines({ lines, m, testId }: { lines: RefundLine[]; m: RefundMessages; testId?: string }) {
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-lg" data-testid={testId}>
      {lines.map((l, i) => (
        <div key={i} className={`contents ${l.code === 'RESULT' ? 'font-bold' : ''}`}>
          <dt className={l.code === 'RESULT' ? 'border-t-2 border-line pt-1' : ''}>{fill(m.lines[l.code], l.params)}</dt>
          <dd className={`text-right tabular-nums ${l.code === 'RESULT' ? 'border-t-2 border-line pt-1' : ''}`}>
            {l.amountFen === null ? '' : formatMoney(BigInt(l.amountFen))}
          </dd>
        </div>
      ))}
    </dl>
  );
}
