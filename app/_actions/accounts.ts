'use server';

import { formInput } from '@/lib/http/action-input';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { bindAccount } from '@/lib/accounts/bind-account';
import { requireResident } from '@/lib/auth/current';
import { userMessage } from '@/lib/errors/messages';
import { preferences, requestMeta } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';

export interface BindState {
  ok?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
  accountId?: string;
}

export async function bindAccountAction(_prev: BindState, formData: FormData): Promise<BindState> {
  formData = formInput(formData);
  const { residentId } = await requireResident();
  const { t } = await preferences();
  const parsed = z
    .object({
      utilityId: z.uuid(),
      accountNo: z.string().trim().min(1).max(40),
      holderName: z.string().trim().min(1).max(60),
    })
    .safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const key of Object.keys(parsed.error.flatten().fieldErrors)) fieldErrors[key] = t.errors.required;
    return { fieldErrors };
  }
  try {
    const { ip } = await requestMeta();
    const bound = await bindAccount({ residentId, ip, ...parsed.data }, new Date());
    revalidatePath('/');
    return { ok: fill(t.accounts.bound, { accountNo: bound.accountNo }), accountId: bound.accountId };
  } catch (error) {
    return { error: userMessage(error, t) };
  }
}
