'use server';

import { formInput } from '@/lib/http/action-input';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireStaff } from '@/lib/auth/current';
import { saveHotword } from '@/lib/complaints/edit-hotwords';
import { HOTWORD_CATEGORIES } from '@/lib/complaints/hotwords';
import { userMessage } from '@/lib/errors/messages';
import { preferences, requestMeta } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { complaintMessages } from '@/lib/i18n/complaints';
import type { SimpleState } from './complaints';

const edit = z.object({
  term: z.string().trim().min(1).max(20),
  category: z.enum(HOTWORD_CATEGORIES),
  severity: z.coerce.number().pipe(z.union([z.literal(1), z.literal(2), z.literal(3)])),
  dailyThreshold: z.coerce.number().int().min(1).max(100_000),
  active: z.enum(['on']).optional(),
});

export async function saveHotwordAction(_prev: SimpleState, formData: FormData): Promise<SimpleState> {
  formData = formInput(formData);
  const staff = await requireStaff(['SUPERVISOR', 'ADMIN']);
  const { t, locale } = await preferences();
  const c = complaintMessages(locale);
  const parsed = edit.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] = c.hotwords.invalid;
    return { error: c.file.fixErrors, fieldErrors };
  }
  try {
    const { ip } = await requestMeta();
    await saveHotword(
      { kind: 'STAFF', staffId: staff.staffId, utilityId: staff.utilityId, name: staff.name, ip },
      { ...parsed.data, active: parsed.data.active === 'on' },
      new Date(),
    );
  } catch (error) {
    return { error: userMessage(error, t) };
  }
  revalidatePath('/staff/hotwords');
  return { ok: fill(c.hotwords.saved, { term: parsed.data.term }) };
}
