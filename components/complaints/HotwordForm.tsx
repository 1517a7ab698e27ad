'use client';

import { useActionState } from 'react';
import { Checkbox, Form } from 'react-aria-components';
import type { SimpleState } from '@/app/_actions/complaints';
import { saveHotwordAction } from '@/app/_actions/hotwords';
import { Button } from '@/components/ui/Button';
import { Notice } from '@/components/ui/Notice';
import { TextField } from '@/components/ui/TextField';
import type { ComplaintMessages } from '@/lib/i18n/complaints';
import { RadioChoices } from './RadioChoices';
import { submitWithoutReset } from './submit-without-reset';

export function HotwordForm({ initial, h }: {
  initial: { term: string; category: string; severity: string; dailyThreshold: string; active: boolean };
  h: ComplaintMessages['hotwords'];
}) {
  const [state, action, pending] = useActionState<SimpleState, FormData>(saveHotwordAction, {});
  return (
    <Form action={action} onSubmit={submitWithoutReset(action)} validationBehavior="aria" validationErrors={state.fieldErrors} className="flex flex-col gap-4">
      {state.error && <Notice tone="error" live>{state.error}</Notice>}
      {state.ok && <Notice tone="ok" live>{state.ok}</Notice>}
      <TextField name="term" label={h.term} isRequired maxLength={20} defaultValue={initial.term} />
      <RadioChoices name="category" label={h.category} isRequired defaultValue={initial.category} options={Object.entries(h.categories).map(([value, label]) => ({ value, label }))} />
      <RadioChoices name="severity" label={h.severity} isRequired defaultValue={initial.severity} options={Object.entries(h.severities).map(([value, label]) => ({ value, label }))} />
      <TextField name="dailyThreshold" label={h.threshold} inputMode="numeric" isRequired maxLength={6} defaultValue={initial.dailyThreshold} />
      <Checkbox name="active" value="on" defaultSelected={initial.active} className="relative flex min-h-11 cursor-pointer items-center gap-3 text-xl elder:min-h-[3rem]">
        {({ isSelected }) => (
          <>
            <span aria-hidden="true" className={`pointer-events-none flex h-6 w-6 items-center justify-center rounded border-2 border-warm font-bold ${isSelected ? 'bg-warm text-white' : 'bg-card'}`}>
              {isSelected ? '✓' : ''}
            </span>
            {h.active}
          </>
        )}
      </Checkbox>
      <Button type="submit" isPending={pending} className="w-fit">
        {h.save}
      </Button>
    </Form>
  );
}
