'use client';

import { useActionState } from 'react';
import { Form } from 'react-aria-components';
import { residentSignIn, type SignInState } from '@/app/_actions/resident-auth';
import { Button } from '@/components/ui/Button';
import { Notice } from '@/components/ui/Notice';
import { TextField } from '@/components/ui/TextField';

export interface PhoneSignInLabels {
  phone: string;
  phoneHint: string;
  sendCode: string;
  resend: string;
  code: string;
  codeHint: string;
  submit: string;
  changePhone: string;
  demoCode: string;
}

export function PhoneSignInForm({ labels }: { labels: PhoneSignInLabels }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(residentSignIn, { step: 'phone' });
  const onCodeStep = state.step === 'code';
  return (
    <div className="flex flex-col gap-5">
      {state.error && <Notice tone="error" live>{state.error}</Notice>}
      {state.notice && !state.error && <Notice tone="ok" live>{state.notice}</Notice>}
      {state.demoCode && (
        <Notice tone="info">
          <span data-testid="demo-code">{labels.demoCode.replace('{code}', state.demoCode)}</span>
        </Notice>
      )}
      <Form action={action} validationErrors={state.fieldErrors} className="flex flex-col gap-5">
        <TextField
          name="phone"
          type="tel"
          inputMode="numeric"
          autoComplete="tel"
          label={labels.phone}
          description={labels.phoneHint}
          defaultValue={state.phone ?? ''}
          isReadOnly={onCodeStep}
          isRequired
        />
        {onCodeStep && (
          <TextField
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            label={labels.code}
            description={labels.codeHint}
            isRequired
            autoFocus
          />
        )}
        <div className="flex flex-wrap gap-3">
          {onCodeStep ? (
            <>
              <Button type="submit" name="intent" value="verify" isPending={pending}>
                {labels.submit}
              </Button>
              <Button type="submit" name="intent" value="send" variant="secondary" isPending={pending}>
                {labels.resend}
              </Button>
              <Button type="submit" name="intent" value="reset" variant="quiet" formNoValidate>
                {labels.changePhone}
              </Button>
            </>
          ) : (
            <Button type="submit" name="intent" value="send" isPending={pending}>
              {labels.sendCode}
            </Button>
          )}
        </div>
      </Form>
    </div>
  );
}
