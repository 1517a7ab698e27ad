/** Simple line icons drawn inline, so no icon font or emoji font is needed on the phone. */
const PATHS = {
  bill: 'M7 3h10l2 2v16l-2-1-2 1-2-1-2 1-2-1-2 1-2-1V5zM9 8h6M9 12h6M9 16h4',
  pay: 'M3 6h18v12H3zM3 10h18M7 15h3',
  repair: 'M14 6a4 4 0 0 0 5 5l-8 8a2 2 0 0 1-3-3l8-8a4 4 0 0 0-2-2zM6 4l3 3',
  refund: 'M9 14 4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3',
} as const;

export function ActionIcon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" className="shrink-0 text-warm" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[name]} />
    </svg>
  );
}
