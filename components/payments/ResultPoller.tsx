'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

const OPEN = new Set(['created', 'pending']);

/**
 * While a payment is open, asks the server for its verified status every two seconds and
 * re-renders the page when it settles. After a minute it says so, and keeps asking slower.
 */
export function ResultPoller({ paymentId, status, longWait }: { paymentId: string; status: string; longWait: string }) {
  const router = useRouter();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!OPEN.has(status)) return;
    const started = Date.now();
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      try {
        const res = await fetch(`/api/payments/${paymentId}`, { cache: 'no-store' });
        if (res.ok) {
          const body = (await res.json()) as { status?: string };
          if (body.status && !OPEN.has(body.status)) {
            router.refresh();
            return;
          }
        }
      } catch (error) {
        // Offline for a moment (a lift, a tunnel): the next tick tries again.
        console.warn('status poll failed', error);
      }
      const waited = Date.now() - started;
      if (waited > 60_000) setSlow(true);
      if (!stopped) timer = setTimeout(tick, waited > 60_000 ? 10_000 : 2_000);
    };
    timer = setTimeout(tick, 1_000);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [paymentId, status, router]);
  return slow ? <p className="text-lg">{longWait}</p> : null;
}
