'use client';

import { useActionState } from 'react';
import { Form } from 'react-aria-components';
import { staffSignIn, type StaffSignInState } from '@/app/_actions/staff-auth';
import { Button } from '@/components/ui/Button';
import { Notice } from '@/components/ui/Notice';
import { TextField } from '@/components/ui/TextField';

export function StaffSignInForm({ labels }: { labels: { username: string; password: string; submit: string } }) {
  const [state, action, pending] = useActionState<StaffSignInState, FormData>(staffSignIn, {});
  return (
    <div className="flex flex-col gap-5">
      {state.error && <Notice tone="error" live>{state.error}</Notice>}
      <Form action={action} validationErrors={state.fieldErrors} className="flex flex-col gap-5">
        <TextField name="username" label={labels.username} autoComplete="username" isRequired />
        <TextField name="password" type="password" label={labels.password} autoComplete="current-password" isRequired />
        <Button type="submit" isPending={pending} className="w-fit">
          {labels.submit}
        </Button>
      </Form>
    </div>
  );
}
