'use client';

import { useActionState, useState } from 'react';
import { Form } from 'react-aria-components';
import { fileComplaintAction, type FilingState } from '@/app/_actions/complaints';
import { Button } from '@/components/ui/Button';
import { Notice } from '@/components/ui/Notice';
import { DictationButton } from '@/components/voice/DictationButton';
import { TextField } from '@/components/ui/TextField';
import type { ComplaintMessages } from '@/lib/i18n/complaints';
import { CheckboxChoices } from './CheckboxChoices';
import { RadioChoices } from './RadioChoices';
import { submitWithoutReset } from './submit-without-reset';
import { TextArea } from './TextArea';

/**
 * The filing form. Standard mode shows every field at once; elder mode shows one small step at a
 * time (all fields stay in the one form, so nothing is lost between steps). The server checks
 * everything; a refused form keeps the resident's entries and, in elder mode, opens at the first
 * step that needs a change. (Without JavaScript the server's answer carries the entries back.)
 */
const STEPS: readonly (readonly string[])[] = [
  ['accountId', 'problem'],
  ['rooms', 'indoorCelsius', 'sinceDate'],
  ['description', 'contactPhone', 'preferredVisits'],
];

export interface ComplaintFormProps {
  accounts: { id: string; label: string }[];
  idempotencyKey: string;
  defaultPhone: string;
  elder: boolean;
  c: ComplaintMessages;
  /** Voice dictation into the description: whether Azure Speech stands in for the browser's. */
  azure?: boolean;
  /** A WeChat official account is configured: inside WeChat, dictation uses its JS-SDK. */
  wechat?: boolean;
  dictation?: { start: string; listening: string; failed: string; denied: string; tooShort: string };
}

function firstStepWithError(errors: FilingState['fieldErrors']): number {
  const keys = Object.keys(errors ?? {});
  const index = STEPS.findIndex((fields) => fields.some((f) => keys.includes(f)));
  return index < 0 ? 0 : index;
}

export function ComplaintForm({ accounts, idempotencyKey, defaultPhone, elder, c, azure = false, wechat = false, dictation }: ComplaintFormProps) {
  const [state, action, pending] = useActionState<FilingState, FormData>(fileComplaintAction, {});
  const [step, setStep] = useState(0);
  const [description, setDescription] = useState(String(state.values?.description ?? ''));
  const [seenAttempt, setSeenAttempt] = useState(state.attempt);
  // A refused submit: show the step with the first problem and keep what was typed.
  if (state.attempt !== seenAttempt) {
    setSeenAttempt(state.attempt);
    setStep(firstStepWithError(state.fieldErrors));
  }
  const v = state.values ?? {};
  const text = (key: string, fallback = '') => (typeof v[key] === 'string' ? (v[key] as string) : fallback);
  const list = (key: string) => (Array.isArray(v[key]) ? (v[key] as string[]) : []);
  const shown = (index: number) => !elder || step === index;
  const last = STEPS.length - 1;

  return (
    <div className="flex flex-col gap-5">
      {state.error && <Notice tone="error" live>{state.error}</Notice>}
      <Form
        action={action}
        onSubmit={submitWithoutReset(action)}
        validationBehavior="aria"
        validationErrors={state.fieldErrors}
        className="flex flex-col gap-6"
      >
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        {elder && (
          <p className="text-xl font-semibold" aria-live="polite">
            {c.file.step.replace('{n}', String(step + 1)).replace('{total}', String(STEPS.length))}
          </p>
        )}

        <fieldset hidden={!shown(0)} className="flex flex-col gap-6">
          <RadioChoices
            name="accountId"
            label={c.file.account}
            isRequired
            defaultValue={text('accountId', accounts.length === 1 ? accounts[0]!.id : '') || undefined}
            options={accounts.map((a) => ({ value: a.id, label: a.label }))}
          />
          <RadioChoices
            name="problem"
            label={c.file.problem}
            isRequired
            defaultValue={text('problem', 'NOT_WARM')}
            options={(['NOT_WARM', 'LEAK', 'NO_HEAT', 'OTHER'] as const).map((p) => ({ value: p, label: c.problems[p] }))}
          />
        </fieldset>

        <fieldset hidden={!shown(1)} className="flex flex-col gap-6">
          <CheckboxChoices
            name="rooms"
            label={c.file.rooms}
            isRequired
            defaultValue={list('rooms')}
            options={Object.entries(c.rooms).map(([value, label]) => ({ value, label }))}
          />
          <TextField
            name="indoorCelsius"
            label={c.file.temperature}
            description={c.file.temperatureHint}
            inputMode="decimal"
            maxLength={8}
            defaultValue={text('indoorCelsius')}
          />
          <TextField name="sinceDate" type="date" label={c.file.since} defaultValue={text('sinceDate')} />
        </fieldset>

        <fieldset hidden={!shown(2)} className="flex flex-col gap-6">
          <TextArea
            id="complaint-description"
            name="description"
            label={c.file.description}
            description={`${c.file.descriptionHint} · ${c.file.descriptionCount.replace('{n}', String(description.length))}`}
            value={description}
            onChange={setDescription}
          />
          {dictation && <DictationButton fieldId="complaint-description" azure={azure} wechat={wechat} labels={dictation} />}
          <TextField
            name="contactPhone"
            type="tel"
            inputMode="numeric"
            autoComplete="tel"
            label={c.file.contactPhone}
            description={c.file.contactPhoneHint}
            isRequired
            defaultValue={text('contactPhone', defaultPhone)}
          />
          <CheckboxChoices
            name="preferredVisits"
            label={c.file.visits}
            defaultValue={list('preferredVisits')}
            options={Object.entries(c.visits).map(([value, label]) => ({ value, label }))}
          />
        </fieldset>

        {/* Every button stays mounted and is only hidden: the press that reveals "submit" must not
            land on it as a click, and a pending button must not vanish while it is announced. */}
        <div className="flex flex-wrap gap-3">
          <span hidden={!elder || step === 0}>
            <Button type="button" variant="secondary" onPress={() => setStep(Math.max(0, step - 1))}>
              {c.file.previous}
            </Button>
          </span>
          <span hidden={!elder || step === last}>
            <Button type="button" onPress={() => setStep(Math.min(last, step + 1))}>
              {c.file.next}
            </Button>
          </span>
          <span hidden={elder && step !== last}>
            <Button type="submit" isPending={pending}>
              {c.file.submit}
            </Button>
          </span>
        </div>
      </Form>
    </div>
  );
}
