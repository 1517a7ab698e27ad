import type { z } from 'zod';
import { ChannelError } from '@/lib/payments/channel';

// Gateway JSON is checked against the fields we rely on before anything reads it.
export function parseJsonAs<T>(schema: z.ZodType<T>, text: string, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new ChannelError('bad_response', `${what} is not JSON`);
  }
  return parseAs(schema, value, what);
}

export function parseAs<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first === undefined ? '' : ` (${first.path.join('.')}: ${first.message})`;
    throw new ChannelError('bad_response', `${what} has an unexpected shape${where}`);
  }
  return parsed.data;
}
