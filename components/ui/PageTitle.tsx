import type { ReactNode } from 'react';

export function PageTitle({ children, intro }: { children: ReactNode; intro?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-col gap-2">
      <h1 className="text-3xl font-bold leading-tight elder:text-[1.75rem]">{children}</h1>
      {intro && <p className="text-lg text-ink-soft">{intro}</p>}
    </div>
  );
}
