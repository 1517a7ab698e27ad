'use client';

import { useActionState } from 'react';
import { joinIncidentAction, type SimpleState } from '@/app/_actions/complaints';
import { Button } from '@/components/ui/Button';
import { Notice } from '@/components/ui/Notice';

/** One tap attaches the account to the station outage instead of a duplicate report. */
export function MeTooButton({ incidentId, accountId, accountNo, label, joinedText }: {
  incidentId: string;
  accountId: string;
  accountNo: string;
  label: string;
  joinedText?: string;
}) {
  const [state, action, pending] = useActionState<SimpleState, FormData>(joinIncidentAction, {});
  if (state.ok || joinedText) return <Notice tone="ok" live={!!state.ok}>{state.ok ?? joinedText}</Notice>;
  return (
    <form action={action} className="flex flex-col gap-2">
      {state.error && <Notice tone="error" live>{state.error}</Notice>}
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="accountNo" value={accountNo} />
      <Button type="submit" isPending={pending} className="w-fit">
        {label}
      </Button>
    </form>
  );
}
