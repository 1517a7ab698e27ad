/**
 * Why a billing rule refused its input. The application's error layer maps these codes to an
 * HTTP status and a user message; the billing core itself stays free of transport concerns.
 */
export type BillingErrorCode =
  | 'INVALID_DECIMAL'
  | 'INVALID_DATE'
  | 'INVALID_TARIFF'
  | 'INVALID_PROPERTY'
  | 'INVALID_PAYMENT'
  | 'INVALID_SUBSTANDARD_DAY'
  | 'INVALID_AMOUNT'
  | 'INVALID_REFUND'
  | 'BILL_TRANSITION_NOT_ALLOWED';

export class BillingError extends Error {
  override readonly name = 'BillingError';

  constructor(
    readonly code: BillingErrorCode,
    message: string,
  ) {
    super(message);
  }
}
