/**
 * A pending payment with no notify is asked about 5, 10, 30, 60 and 120 minutes after it was
 * created (the spacing channels recommend: most answers come early, stragglers are rare).
 */
export const PAYMENT_QUERY_JOB = 'payments.query-pending';

export const QUERY_AFTER_MINUTES = [5, 10, 30, 60, 120] as const;

/** Milliseconds after creation of query `step`. */
export function queryDelayMs(step: number): number {
  return (QUERY_AFTER_MINUTES[step] ?? 120) * 60_000;
}

export interface PaymentQueryJob {
  paymentId: string;
  step: number;
}
