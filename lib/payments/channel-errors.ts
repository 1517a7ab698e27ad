import { AppError, type ErrorCode } from '@/lib/errors/app-error';
import { isChannelError, type ChannelErrorCode } from '@/lib/payments/channel';

// What a resident can do about a channel's failure: an unreachable channel is "try again
// later"; a refusal of our own request is a conflict; a forged or foreign message is bad input.
const MAP: Readonly<Record<ChannelErrorCode, ErrorCode>> = {
  invalid_request: 'invalid_input',
  signature_invalid: 'invalid_input',
  unknown_serial: 'invalid_input',
  stale_timestamp: 'invalid_input',
  replayed: 'conflict',
  decrypt_failed: 'invalid_input',
  app_mismatch: 'invalid_input',
  merchant_mismatch: 'invalid_input',
  trade_mismatch: 'conflict',
  amount_mismatch: 'conflict',
  not_found: 'not_found',
  gateway_error: 'unavailable',
  gateway_timeout: 'unavailable',
  bad_response: 'unavailable',
};

export function channelToAppError(error: unknown): unknown {
  if (!isChannelError(error)) return error;
  return new AppError(MAP[error.code], `channel ${error.code}: ${error.message}`);
}
