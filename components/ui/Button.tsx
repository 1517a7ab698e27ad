'use client';

import { Button as AriaButton, type ButtonProps } from 'react-aria-components';

const VARIANTS = {
  primary: 'bg-warm text-white hover:bg-warm-dark pressed:bg-warm-dark',
  secondary: 'bg-card text-warm border-2 border-warm hover:bg-warm-soft',
  quiet: 'bg-transparent text-warm underline underline-offset-4 hover:bg-warm-soft',
} as const;

export function Button({
  variant = 'primary',
  className,
  ...props
}: ButtonProps & { variant?: keyof typeof VARIANTS; className?: string }) {
  return (
    <AriaButton
      {...props}
      className={`inline-flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-xl px-5 py-2 text-lg font-semibold elder:min-h-[3rem] elder:min-w-[3rem] elder:px-6 disabled:cursor-not-allowed disabled:opacity-70 ${VARIANTS[variant]} ${className ?? ''}`}
    />
  );
}
