'use server';

import { formInput } from '@/lib/http/action-input';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireStaff } from '@/lib/auth/current';
import { userMessage } from '@/lib/errors/messages';
import { preferences, requestMeta } from '@/lib/http/request-context';
import { onboardingMessages } from '@/lib/i18n/onboarding';
import { MERGE_REVIEWERS, markMergeReviewed } from '@/lib/onboarding/merges';

// Legacy files themselves are uploaded through the route handler app/staff/import/upload.

export interface MergeReviewState {
  ok?: string;
  error?: string;
}

export async function markMergeReviewedAction(_prev: MergeReviewState, formData: FormData): Promise<MergeReviewState> {
  formData = formInput(formData);
  const staff = await requireStaff(MERGE_REVIEWERS);
  const { t, locale } = await preferences();
  const parsed = z.object({ mergeId: z.string().regex(/^[1-9]\d{0,17}$/) }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: t.errors.invalid_input };
  try {
    const { ip } = await requestMeta();
    await markMergeReviewed(staff, parsed.data.mergeId, ip, new Date());
    revalidatePath('/staff/import');
    return { ok: onboardingMessages(locale).page.reviewed };
  } catch (error) {
    return { error: userMessage(error, t) };
  }
}
