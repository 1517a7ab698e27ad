'use client';

import { useActionState, useState, type ReactNode } from 'react';
import { Form } from 'react-aria-components';
import type { SimpleState } from '@/app/_actions/complaints';
import { incidentAction, workOrderAction } from '@/app/_actions/work-orders';
import { Button } from '@/components/ui/Button';
import { Notice } from '@/components/ui/Notice';
import { submitWithoutReset } from './submit-without-reset';

/** One staff step (claim, reply, book a visit…): its own small form, message and pending state. */
export function StaffStepForm({ target, id, intent, submitLabel, variant = 'primary', children }: {
  target: 'work-order' | 'incident';
  id: string;
  intent: string;
  submitLabel: string;
  variant?: 'primary' | 'secondary';
  children?: ReactNode;
}) {
  const [state, action, pending] = useActionState<SimpleState, FormData>(target === 'incident' ? incidentAction : workOrderAction, {});
  const [successes, setSuccesses] = useState(0);
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state.ok) setSuccesses(successes + 1);
  }
  return (
    // Re-mounted after each success so the next step starts empty; a refusal keeps what was typed.
    <Form
      key={successes}
      action={action}
      onSubmit={submitWithoutReset(action)}
      validationBehavior="aria"
      validationErrors={state.fieldErrors}
      className="flex flex-col gap-3"
    >
      {state.error && <Notice tone="error" live>{state.error}</Notice>}
      {state.ok && <Notice tone="ok" live>{state.ok}</Notice>}
      <input type="hidden" name={target === 'incident' ? 'incidentId' : 'workOrderId'} value={id} />
      <input type="hidden" name="intent" value={intent} />
      {children}
      <Button type="submit" variant={variant} isPending={pending} className="w-fit">
        {submitLabel}
      </Button>
    </Form>
  );
}
