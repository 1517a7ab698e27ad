'use server';

import { formInput } from '@/lib/http/action-input';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { AppError } from '@/lib/errors/app-error';
import { decideTrade, findTrade } from '@/lib/sandbox-bank/trades';
import { pool } from '@/lib/db/client';

/**
 * The payer's decision on the sandbox bank's hosted page. Then back to the merchant's return
 * URL, which shows only what the merchant verified (the bank's notify or its own query).
 */
export async function decideSandboxTrade(formData: FormData): Promise<void> {
  formData = formInput(formData);
  const parsed = z
    .object({ bankTradeNo: z.string().regex(/^SB[0-9A-F]{24}$/), decision: z.enum(['pay', 'cancel']) })
    .safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect('/');
  const { bankTradeNo, decision } = parsed.data;
  try {
    await decideTrade(bankTradeNo, decision, new Date());
  } catch (error) {
    // Decided already (a double tap) or lapsed: the page shows the trade as it now is.
    if (!(error instanceof AppError)) throw error;
    redirect(`/sandbox-bank/pay/${bankTradeNo}`);
  }
  const trade = await findTrade(pool(), { bankTradeNo });
  redirect(trade?.returnUrl || `/sandbox-bank/pay/${bankTradeNo}`);
}
