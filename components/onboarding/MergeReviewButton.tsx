'use client';

import { useActionState } from 'react';
import { markMergeReviewedAction, type MergeReviewState } from '@/app/_actions/import';
import { Button } from '@/components/ui/Button';

export function MergeReviewButton({ mergeId, label }: { mergeId: string; label: string }) {
  const [state, action, pending] = useActionState<MergeReviewState, FormData>(markMergeReviewedAction, {});
  if (state.ok) return <p role="status" className="text-lg">{state.ok}</p>;
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="mergeId" value={mergeId} />
      <Button type="submit" variant="secondary" isPending={pending}>
        {label}
      </Button>
      {state.error && <p role="alert" className="text-lg font-semibold text-bad">{state.error}</p>}
    </form>
  );
}
