/**
 * The one error type domain code throws on purpose. Its code decides the HTTP status and the
 * message a person reads (lib/errors/messages.ts); `detail` is for logs only.
 */
export const ERROR_CODES = [
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'code_invalid',
  'code_expired',
  'code_locked',
  'binding_mismatch',
  'invalid_transition',
  'unavailable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'AppError';
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  code_invalid: 400,
  code_expired: 400,
  code_locked: 423,
  binding_mismatch: 400,
  invalid_transition: 409,
  unavailable: 503,
};

/** Prisma's unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}
