import { unstable_rethrow } from 'next/navigation';
import { fill, type Messages } from '@/lib/i18n';
import { AppError } from './app-error';

/**
 * The message a person reads for an error. Next's own control-flow errors (redirect, notFound)
 * pass through; an unexpected error is logged and shown as "busy, try again", never as a trace.
 */
export function userMessage(error: unknown, t: Messages): string {
  unstable_rethrow(error);
  if (error instanceof AppError) {
    return fill(t.errors[error.code], { minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) });
  }
  console.error('[nuanxin] unexpected error:', error);
  return t.errors.unavailable;
}
