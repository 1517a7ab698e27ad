export type WeChatApiErrorCode =
  // The OAuth code was wrong, expired (5 minutes) or already used.
  | 'invalid_code'
  // The cached access_token was refused; the caller's cache entry is stale.
  | 'invalid_token'
  | 'snapshot_user'
  | 'api_error'
  | 'timeout'
  | 'unreachable'
  | 'bad_response';

export class WeChatApiError extends Error {
  override readonly name = 'WeChatApiError';

  constructor(
    readonly code: WeChatApiErrorCode,
    message: string,
    readonly errcode: number | null = null,
  ) {
    super(message);
  }
}
