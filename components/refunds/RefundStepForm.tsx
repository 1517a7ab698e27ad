'use client';

import { useActionState, type ReactNode } from 'react';
import { Form } from 'react-aria-components';
import type { SimpleState } from '@/app/_actions/complaints';
import { refundStepAction } from '@/app/_actions/refunds';
import { submitWithoutReset } from '@/components/complaints/submit-without-reset';
import { Button } from '@/components/ui/Button';
import { Notice } from '@/components/ui/Notice';

/** One staff step on a refund (review, approve, reject, retry, offline payback): its own small form and message. */
export function RefundStepForm({ id, intent, submitLabel, variant = 'primary', children }: {
  id: string;
  intent: 'review' | 'approve' | 'reject' | 'retry' | 'offline';
  submitLabel: string;
  variant?: 'primary' | 'secondary';
  children?: ReactNode;
}) {
  const [state, action, pending] = useActionState<SimpleState, FormData>(refundStepAction, {});
  return (
    <Form action={action} onSubmit={submitWithoutReset(action)} validationBehavior="aria" validationErrors={state.fieldErrors} className="flex flex-col gap-3">
      {state.error && <Notice tone="error" live>{state.error}</Notice>}
      {state.ok && <Notice tone="ok" live>{state.ok}</Notice>}
      <input type="hidden" name="refundId" value={id} />
      <input type="hidden" name="intent" value={intent} />
      {children}
      <Button type="submit" variant={variant} isPending={pending} className="w-fit">
        {submitLabel}
      </Button>
    </Form>
  );
}
