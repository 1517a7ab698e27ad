import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';

/** The sandbox bank's side of the shared secret, and where its pages are. */
export interface SandboxBankSide {
  merchantId: string;
  secret: string;
  publicUrl: string;
}

export function sandboxBankSide(): SandboxBankSide {
  const side = env().payments.sandboxBank;
  if (!side) throw new AppError('not_found', 'the sandbox bank is switched off');
  return side;
}
