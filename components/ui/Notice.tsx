import type { ReactNode } from 'react';

const TONES = {
  info: 'border-warm bg-warm-soft text-ink',
  ok: 'border-ok bg-ok-soft text-ink',
  error: 'border-bad bg-bad-soft text-ink',
} as const;

/** A message that stays on the page until the person moves on: nothing here vanishes by itself. */
export function Notice({ tone = 'info', children, live }: { tone?: keyof typeof TONES; children: ReactNode; live?: boolean }) {
  return (
    <div
      role={live ? (tone === 'error' ? 'alert' : 'status') : undefined}
      className={`rounded-xl border-l-8 p-4 text-lg ${TONES[tone]}`}
    >
      {children}
    </div>
  );
}
