'use client';

import { useActionState } from 'react';
import { Form } from 'react-aria-components';
import { resolveFlaggedAction } from '@/app/_actions/flagged-payments';
import type { SimpleState } from '@/app/_actions/complaints';
import { TextArea } from '@/components/complaints/TextArea';
import { submitWithoutReset } from '@/components/complaints/submit-without-reset';
import { Button } from '@/components/ui/Button';
import { Notice } from '@/components/ui/Notice';

/** One resolution of a flagged payment (credit or pay back): its own note, message and button. */
export function ResolveFlaggedForm({ paymentId, intent, title, hint, noteLabel, variant = 'primary' }: {
  paymentId: string;
  intent: 'credit' | 'refund';
  title: string;
  hint: string;
  noteLabel: string;
  variant?: 'primary' | 'secondary';
}) {
  const [state, action, pending] = useActionState<SimpleState, FormData>(resolveFlaggedAction, {});
  const headingId = `resolve-${intent}`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-xl border-2 border-warm-soft bg-card p-4">
      <h3 id={headingId} className="text-xl font-bold">
        {title}
      </h3>
      <p className="text-lg">{hint}</p>
      <Form action={action} onSubmit={submitWithoutReset(action)} validationBehavior="aria" validationErrors={state.fieldErrors} className="flex flex-col gap-3">
        {state.error && <Notice tone="error" live>{state.error}</Notice>}
        {state.ok && <Notice tone="ok" live>{state.ok}</Notice>}
        <input type="hidden" name="paymentId" value={paymentId} />
        <input type="hidden" name="intent" value={intent} />
        <TextArea name="note" label={noteLabel} rows={2} isRequired maxLength={500} />
        <Button type="submit" variant={variant} isPending={pending} className="w-fit">
          {title}
        </Button>
      </Form>
    </section>
  );
}
