'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FieldError, Form, Label, Radio, RadioGroup } from 'react-aria-components';
import { bindAccountAction, type BindState } from '@/app/_actions/accounts';
import { Button } from '@/components/ui/Button';
import { Notice } from '@/components/ui/Notice';
import { TextField } from '@/components/ui/TextField';

export interface BindLabels {
  utility: string;
  accountNo: string;
  accountNoHint: string;
  holderName: string;
  submit: string;
  viewAccount: string;
}

export function BindAccountForm({ utilities, labels }: { utilities: { id: string; name: string }[]; labels: BindLabels }) {
  const [state, action, pending] = useActionState<BindState, FormData>(bindAccountAction, {});
  return (
    <div className="flex flex-col gap-5">
      {state.error && <Notice tone="error" live>{state.error}</Notice>}
      {state.ok && (
        <Notice tone="ok" live>
          {state.ok}{' '}
          {state.accountId && (
            <Link href={`/accounts/${state.accountId}`} className="font-semibold text-warm underline">
              {labels.viewAccount}
            </Link>
          )}
        </Notice>
      )}
      <Form action={action} validationErrors={state.fieldErrors} className="flex flex-col gap-5">
        <RadioGroup name="utilityId" isRequired defaultValue={utilities.length === 1 ? utilities[0]?.id : undefined} className="flex flex-col gap-2">
          <Label className="text-lg font-semibold">{labels.utility}</Label>
          {utilities.map((u) => (
            <Radio
              key={u.id}
              value={u.id}
              className="flex min-h-11 cursor-pointer items-center gap-3 rounded-xl border-2 border-line bg-card px-4 py-2 text-xl selected:border-warm selected:bg-warm-soft elder:min-h-[3rem]"
            >
              {({ isSelected }) => (
                <>
                  <span aria-hidden="true" className={`h-5 w-5 rounded-full border-2 border-warm ${isSelected ? 'bg-warm' : 'bg-card'}`} />
                  {u.name}
                </>
              )}
            </Radio>
          ))}
          <FieldError className="font-semibold text-bad" />
        </RadioGroup>
        <TextField name="accountNo" label={labels.accountNo} description={labels.accountNoHint} isRequired maxLength={40} />
        <TextField name="holderName" label={labels.holderName} isRequired maxLength={60} autoComplete="name" />
        <Button type="submit" isPending={pending} className="w-fit">
          {labels.submit}
        </Button>
      </Form>
    </div>
  );
}
