'use client';

import { useActionState } from 'react';
import { Form } from 'react-aria-components';
import { residentStepAction, type SimpleState } from '@/app/_actions/complaints';
import { Button } from '@/components/ui/Button';
import { Notice } from '@/components/ui/Notice';
import { submitWithoutReset } from './submit-without-reset';
import { TextArea } from './TextArea';

/** After a repair: "not fixed" reopens the complaint, "fixed" closes it (the page then says so). */
export function ResidentSteps({ workOrderId, complaintId, labels }: {
  workOrderId: string;
  complaintId: string;
  labels: { notFixed: string; notFixedHint: string; notFixedReason: string; confirmFixed: string };
}) {
  const [state, action, pending] = useActionState<SimpleState, FormData>(residentStepAction, {});
  return (
    <div className="flex flex-col gap-3">
      {state.error && <Notice tone="error" live>{state.error}</Notice>}
      <p className="text-lg">{labels.notFixedHint}</p>
      <Form action={action} onSubmit={submitWithoutReset(action)} validationBehavior="aria" validationErrors={state.fieldErrors} className="flex flex-col gap-3">
        <input type="hidden" name="workOrderId" value={workOrderId} />
        <input type="hidden" name="complaintId" value={complaintId} />
        <TextArea name="reason" label={labels.notFixedReason} rows={2} maxLength={500} />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" name="intent" value="reopen" isPending={pending}>
            {labels.notFixed}
          </Button>
          <Button type="submit" name="intent" value="confirm" variant="secondary" isPending={pending}>
            {labels.confirmFixed}
          </Button>
        </div>
      </Form>
    </div>
  );
}
