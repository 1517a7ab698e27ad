'use client';

import { useActionState } from 'react';
import { Form } from 'react-aria-components';
import { requestClosureAction, type ClosureState } from '@/app/_actions/privacy';
import { Button } from '@/components/ui/Button';
import { Notice } from '@/components/ui/Notice';
import { TextField } from '@/components/ui/TextField';

export function ClosureForm({ labels, pendingText }: { labels: { reason: string; submit: string }; pendingText: string | null }) {
  const [state, action, pending] = useActionState<ClosureState, FormData>(requestClosureAction, {});
  const done = state.ok ?? pendingText;
  if (done) return <Notice tone="ok" live>{done}</Notice>;
  return (
    <Form action={action} className="flex flex-col gap-4">
      {state.error && <Notice tone="error" live>{state.error}</Notice>}
      {/* Closing an account is never implied: the request must say so, not merely arrive. */}
      <input type="hidden" name="intent" value="close-account" />
      <TextField name="reason" label={labels.reason} maxLength={500} />
      <Button type="submit" variant="secondary" isPending={pending} className="w-fit">
        {labels.submit}
      </Button>
    </Form>
  );
}
