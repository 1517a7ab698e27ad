'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { Checkbox, Form } from 'react-aria-components';
import { Button } from '@/components/ui/Button';
import { Notice } from '@/components/ui/Notice';
import type { OnboardingMessages } from '@/lib/i18n/onboarding';
import type { ImportResponse } from '@/lib/onboarding/import-upload';
import { ImportReport } from './ImportReport';

function FileField({ name, label, hint, accept, error }: { name: string; label: string; hint: string; accept: string; error?: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={`upload-${name}`} className="text-lg font-semibold">
        {label}
      </label>
      <input
        id={`upload-${name}`}
        name={name}
        type="file"
        accept={accept}
        aria-describedby={`upload-${name}-hint${error ? ` upload-${name}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        className="min-h-11 rounded-lg border-2 border-line bg-card px-3 py-2 text-lg elder:min-h-[3rem]"
      />
      <p id={`upload-${name}-hint`} className="text-lg text-ink-soft">{hint}</p>
      {error && (
        <p id={`upload-${name}-error`} className="text-lg font-semibold text-bad">
          {error}
        </p>
      )}
    </div>
  );
}

/** Posts to the upload route (server actions stay at Next's 1 MB limit), then shows its report. */
export function ImportForm({ m, busy }: { m: OnboardingMessages; busy: string }) {
  const [state, setState] = useState<ImportResponse>({});
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = new FormData(event.currentTarget);
    startTransition(async () => {
      let next: ImportResponse;
      try {
        const response = await fetch('/staff/import/upload', { method: 'POST', body, credentials: 'same-origin' });
        next = (await response.json()) as ImportResponse;
      } catch {
        // The network or the server went away mid-upload: nothing was imported half-way (one transaction).
        next = { error: busy };
      }
      setState(next);
      // A committed import joins the history list below.
      if (next.summary?.importId) router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-6">
      {state.error && <Notice tone="error" live>{state.error}</Notice>}
      <Form onSubmit={submit} className="flex flex-col gap-5">
        <FileField name="file" label={m.page.fileLabel} hint={m.page.fileHint} accept=".csv,.xlsx,.txt" error={state.fieldErrors?.file} />
        <FileField name="mapping" label={m.page.mappingLabel} hint={m.page.mappingHint} accept=".csv,.txt" error={state.fieldErrors?.mapping} />
        <Checkbox name="dryRun" value="on" className="group flex min-h-11 items-center gap-3 text-lg elder:min-h-[3rem]">
          <span aria-hidden="true" className="flex h-7 w-7 items-center justify-center rounded border-2 border-ink group-data-[selected]:bg-warm group-data-[selected]:text-white">
            ✓
          </span>
          {m.page.dryRunLabel}
        </Checkbox>
        <Button type="submit" isPending={pending} className="w-fit">
          {pending ? m.page.submitting : m.page.submit}
        </Button>
      </Form>
      {state.summary && <ImportReport summary={state.summary} m={m} />}
    </div>
  );
}
