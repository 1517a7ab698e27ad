'use server';

import { formInput, priorState } from '@/lib/http/action-input';
import { z } from 'zod';
import { signIn, signOut } from '@/auth';
import { recordAudit } from '@/lib/audit/record';
import { currentResident } from '@/lib/auth/current';
import { issueCode, verifyCode } from '@/lib/auth/otp';
import { createSession, revokeAllSessions, revokeSession } from '@/lib/auth/sessions';
import { env } from '@/lib/env';
import { userMessage } from '@/lib/errors/messages';
import { preferences, requestMeta } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { maskPhone } from '@/lib/privacy/mask';
import { normalizeMobile } from '@/lib/privacy/phone';
import { findOrCreateResident } from '@/lib/residents/find-or-create';
import { smsSender } from '@/lib/sms/sender';

export interface SignInState {
  step: 'phone' | 'code';
  phone?: string;
  notice?: string;
  demoCode?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
}

const codeSchema = z.string().regex(/^\d{6}$/);

export async function residentSignIn(prev: SignInState, formData: FormData): Promise<SignInState> {
  formData = formInput(formData);
  prev = priorState<SignInState>(prev, { step: 'phone' });
  const { t, elder } = await preferences();
  const intent = formData.get('intent');
  if (intent === 'reset') return { step: 'phone' };
  const phone = normalizeMobile(String(formData.get('phone') ?? ''));
  if (!phone) return { ...prev, step: 'phone', fieldErrors: { phone: t.errors.phoneInvalid } };
  const meta = await requestMeta();
  const now = new Date();

  if (intent === 'send') {
    try {
      const issued = await issueCode(phone, meta.ip, now, { elder });
      const minutes = Math.round((issued.expiresAt.getTime() - now.getTime()) / 60_000);
      await smsSender().send(phone, `【暖心】您的登录验证码是 ${issued.code}，${minutes} 分钟内有效。请勿告诉他人。`);
      return {
        step: 'code',
        phone,
        notice: fill(t.signIn.codeSent, { phone: maskPhone(phone) }),
        demoCode: env().demo ? issued.code : undefined,
      };
    } catch (error) {
      return { step: prev.step, phone, error: userMessage(error, t) };
    }
  }

  const code = String(formData.get('code') ?? '').trim();
  if (!codeSchema.safeParse(code).success) {
    return { ...prev, step: 'code', phone, error: undefined, fieldErrors: { code: t.errors.codeFormat } };
  }
  let sid: string;
  try {
    await verifyCode(phone, code, meta.ip, now);
    const resident = await findOrCreateResident(phone, now);
    sid = await createSession('RESIDENT', resident.id, meta, now);
    await recordAudit(
      { actorKind: 'RESIDENT', actorId: resident.id, action: 'auth.sign_in', entity: 'resident', entityId: resident.id, ip: meta.ip },
      now,
    );
  } catch (error) {
    return { ...prev, step: 'code', phone, demoCode: undefined, error: userMessage(error, t) };
  }
  // Throws Next's redirect to the home page with the session cookie set.
  await signIn('session', { sid, redirectTo: '/' });
  return prev;
}

export async function residentSignOut(formData: FormData): Promise<void> {
  formData = formInput(formData);
  const resident = await currentResident();
  if (resident) {
    const now = new Date();
    if (formData.get('scope') === 'everywhere') await revokeAllSessions('RESIDENT', resident.residentId, now);
    else await revokeSession(resident.sid, now);
  }
  await signOut({ redirectTo: '/' });
}
