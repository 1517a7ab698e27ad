'use client';

import { useActionState } from 'react';
import { handleClosureAction, type ClosureState } from '@/app/_actions/privacy';
import { Button } from '@/components/ui/Button';

export function ClosureDecision({ requestId, labels }: { requestId: string; labels: { approve: string; refuse: string } }) {
  const [state, action, pending] = useActionState<ClosureState, FormData>(handleClosureAction, {});
  if (state.ok) return <p role="status" className="text-lg">{state.ok}</p>;
  return (
    <div className="flex flex-wrap gap-3">
      {(['DONE', 'REFUSED'] as const).map((decision) => (
        <form key={decision} action={action}>
          <input type="hidden" name="requestId" value={requestId} />
          <input type="hidden" name="decision" value={decision} />
          <Button type="submit" variant={decision === 'DONE' ? 'primary' : 'secondary'} isPending={pending}>
            {decision === 'DONE' ? labels.approve : labels.refuse}
          </Button>
        </form>
      ))}
      {state.error && <p role="alert" className="text-lg font-semibold text-bad">{state.error}</p>}
    </div>
  );
}
