'use server';

import { formInput } from '@/lib/http/action-input';
import { requireResident } from '@/lib/auth/current';
import { preferences, requestMeta } from '@/lib/http/request-context';
import type { PaymentLaunch } from '@/lib/payments/channel';
import { startPaymentForResident, startPaymentInput } from '@/lib/payments/start-for-resident';

export interface PayState {
  error?: string;
  paymentId?: string;
  /** null: nothing to launch any more (the payment already ended); show its result. */
  launch?: PaymentLaunch | null;
}

export async function startPaymentAction(_prev: PayState, formData: FormData): Promise<PayState> {
  formData = formInput(formData);
  const { residentId } = await requireResident();
  const { t, locale } = await preferences();
  const parsed = startPaymentInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: t.errors.invalid_input };
  const started = await startPaymentForResident(residentId, parsed.data, await requestMeta(), locale);
  return started.ok ? { paymentId: started.paymentId, launch: started.launch } : { error: started.message };
}
