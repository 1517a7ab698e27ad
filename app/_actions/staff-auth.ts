'use server';

import { formInput } from '@/lib/http/action-input';
import { z } from 'zod';
import { signIn, signOut } from '@/auth';
import { recordAudit } from '@/lib/audit/record';
import { currentStaff } from '@/lib/auth/current';
import { createSession, revokeSession } from '@/lib/auth/sessions';
import { userMessage } from '@/lib/errors/messages';
import { preferences, requestMeta } from '@/lib/http/request-context';
import { authenticateStaff } from '@/lib/staff/authenticate';

export interface StaffSignInState {
  error?: string;
  fieldErrors?: Record<string, string>;
}

export async function staffSignIn(_prev: StaffSignInState, formData: FormData): Promise<StaffSignInState> {
  formData = formInput(formData);
  const { t } = await preferences();
  const parsed = z
    .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) })
    .safeParse({ username: formData.get('username'), password: formData.get('password') });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const key of Object.keys(parsed.error.flatten().fieldErrors)) fieldErrors[key] = t.errors.required;
    return { fieldErrors };
  }
  const meta = await requestMeta();
  const now = new Date();
  let sid: string;
  try {
    const staff = await authenticateStaff(parsed.data.username, parsed.data.password, meta.ip, now);
    if (!staff) return { error: t.errors.credentials };
    sid = await createSession('STAFF', staff.id, meta, now);
    await recordAudit(
      { actorKind: 'STAFF', actorId: staff.id, utilityId: staff.utilityId, action: 'auth.sign_in', entity: 'staff', entityId: staff.id, ip: meta.ip },
      now,
    );
  } catch (error) {
    return { error: userMessage(error, t) };
  }
  await signIn('session', { sid, redirectTo: '/staff' });
  return {};
}

export async function staffSignOut(): Promise<void> {
  const staff = await currentStaff();
  if (staff) await revokeSession(staff.sid, new Date());
  await signOut({ redirectTo: '/staff/login' });
}
