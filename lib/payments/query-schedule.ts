/**
 * A pending payment with no notify is asked about 5, 10, 30, 60 and 120 minutes after it was
 * created (the spacing channels recommend: most answers come early, stragglers are rare), and
 * once more just after its time limit so it can expire. The next time is kept on the payment
 * row (`next_query_at`, `query_step`); a job every minute sweeps the payments that are due.
 */
export const PAYMENT_QUERY_JOB = 'payments.query-due';

export const QUERY_AFTER_MINUTES = [5, 10, 30, 60, 120] as const;

/** A channel may take a moment to record a payment made right at the limit. */
export const EXPIRY_GRACE_MS = 60_000;

/** When query `step` is due for a payment created at `createdAt`; null once the steps are used up. */
export function nextQueryAt(createdAt: Date, step: number): Date | null {
  const minutes = QUERY_AFTER_MINUTES[step];
  return minutes === undefined ? null : new Date(createdAt.getTime() + minutes * 60_000);
}

/**
 * The query after `step` was asked of an open payment: the next step, or — once the steps are
 * used up or past the limit — the moment just after expiry (when the query expires it).
 */
export function followingQueryAt(createdAt: Date, expiresAt: Date, step: number, now: Date): Date {
  const expiry = new Date(expiresAt.getTime() + EXPIRY_GRACE_MS + 1_000);
  const next = nextQueryAt(createdAt, step + 1);
  if (next === null || next > expiry) return expiry > now ? expiry : new Date(now.getTime() + 60_000);
  return next;
}
