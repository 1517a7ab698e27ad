import { z } from 'zod';
import { WeChatApiError } from './errors';

const errorSchema = z.object({ errcode: z.number(), errmsg: z.string().optional() });

const INVALID_CODE = new Set([40029, 40163, 41008]);
const INVALID_TOKEN = new Set([40001, 40014, 42001]);

// The official-account API answers HTTP 200 with {errcode, errmsg} on failure, so the body
// decides success, not the status.
export async function getWeChatJson<T>(url: URL, schema: z.ZodType<T>, timeoutMs: number): Promise<T> {
  let text: string;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    text = await response.text();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      throw new WeChatApiError('timeout', `No answer from ${url.host} within ${timeoutMs} ms`);
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new WeChatApiError('unreachable', `Could not reach ${url.host}: ${reason}`);
  }
  const value = parseJson(text);
  const failure = errorSchema.safeParse(value);
  if (failure.success && failure.data.errcode !== 0) {
    const { errcode, errmsg } = failure.data;
    const code = INVALID_CODE.has(errcode) ? 'invalid_code' : INVALID_TOKEN.has(errcode) ? 'invalid_token' : 'api_error';
    throw new WeChatApiError(code, `WeChat refused (${errcode}): ${errmsg ?? ''}`, errcode);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new WeChatApiError('bad_response', `Unexpected answer from ${url.pathname}`);
  return parsed.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) throw new WeChatApiError('bad_response', 'WeChat answered with non-JSON');
    throw error;
  }
}
