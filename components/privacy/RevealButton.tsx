'use client';

import { useActionState } from 'react';
import { revealAction, type RevealState } from '@/app/_actions/privacy';
import { Button } from '@/components/ui/Button';

/** Shows a masked value; a permitted staff member may reveal it in full (the server audits it). */
export function RevealButton({
  accountId,
  field,
  masked,
  labels,
}: {
  accountId: string;
  field: 'phone' | 'id_number';
  masked: string;
  labels: { reveal: string; revealed: string };
}) {
  const [state, action, pending] = useActionState<RevealState, FormData>(revealAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <span data-testid={`value-${field}`} className="font-mono text-lg">
        {state.value ?? masked}
      </span>
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="field" value={field} />
      {!state.value && (
        <Button type="submit" variant="secondary" isPending={pending}>
          {labels.reveal}
        </Button>
      )}
      <span role="status" className="text-lg">
        {state.value ? labels.revealed : state.error ? <strong className="text-bad">{state.error}</strong> : null}
      </span>
    </form>
  );
}
