'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useRef, useState, type FormEvent } from 'react';
import { Checkbox, Form, Label, Radio, RadioGroup } from 'react-aria-components';
import { startPaymentAction, type PayState } from '@/app/_actions/payments';
import { Button } from '@/components/ui/Button';
import { Notice } from '@/components/ui/Notice';
import { formatMoney, formatYuan } from '@/lib/format/money';
import type { ChannelId } from '@/lib/payments/channel';
import { launchPayment } from './launch';
import { SpeakButton } from './SpeakButton';

export interface PayFlowLabels {
  chooseChannel: string;
  next: string;
  back: string;
  confirmTitle: string;
  confirmAmount: string;
  confirmAccount: string;
  confirmChannel: string;
  elderCheck: string;
  elderCheckRequired: string;
  speak: string;
  spoken: string;
  payButton: string;
  paying: string;
  channels: Record<ChannelId, string>;
}

interface Props {
  billId: string;
  accountNo: string;
  amountFen: bigint;
  channels: ChannelId[];
  elder: boolean;
  lang: string;
  idempotencyKey: string;
  labels: PayFlowLabels;
}

const fillIn = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

/**
 * Choose a channel → confirm the amount (in elder mode: tick a written confirmation, hear it read
 * when the browser can speak) → the server starts the payment → the browser goes to the channel.
 */
export function PayFlow({ billId, accountNo, amountFen, channels, elder, lang, idempotencyKey, labels }: Props) {
  const [state, action, pending] = useActionState<PayState, FormData>(startPaymentAction, {});
  const [step, setStep] = useState<'choose' | 'confirm'>('choose');
  const [channel, setChannel] = useState<ChannelId>(channels[0] ?? 'sandbox-bank');
  const [checked, setChecked] = useState(false);
  const [missingCheck, setMissingCheck] = useState(false);
  const redirectForm = useRef<HTMLFormElement>(null);
  const router = useRouter();
  const amount = formatMoney(amountFen);

  useEffect(() => {
    if (state.paymentId === undefined || state.launch === undefined) return;
    launchPayment(state.paymentId, state.launch, { submitForm: () => redirectForm.current?.submit(), navigate: (path) => router.push(path) });
  }, [state, router]);

  function guard(event: FormEvent<HTMLFormElement>) {
    if (elder && !checked) {
      event.preventDefault();
      setMissingCheck(true);
    }
  }

  const launching = state.paymentId !== undefined && !state.error;
  const redirect = state.launch?.kind === 'redirect' ? state.launch.form : null;

  return (
    <div className="flex flex-col gap-5">
      {state.error && <Notice tone="error" live>{state.error}</Notice>}
      {launching && <Notice live>{labels.paying}</Notice>}
      {step === 'choose' ? (
        <div className="flex flex-col gap-5">
          <RadioGroup value={channel} onChange={(v) => setChannel(v as ChannelId)} className="flex flex-col gap-2">
            <Label className="text-xl font-semibold">{labels.chooseChannel}</Label>
            {channels.map((id) => (
              <Radio
                key={id}
                value={id}
                className="flex min-h-11 cursor-pointer items-center gap-3 rounded-xl border-2 border-line bg-card px-4 py-2 text-xl selected:border-warm selected:bg-warm-soft elder:min-h-[3rem]"
              >
                {({ isSelected }) => (
                  <>
                    <span aria-hidden="true" className={`h-5 w-5 rounded-full border-2 border-warm ${isSelected ? 'bg-warm' : 'bg-card'}`} />
                    {labels.channels[id]}
                  </>
                )}
              </Radio>
            ))}
          </RadioGroup>
          <Button className="w-fit" onPress={() => setStep('confirm')}>
            {labels.next}
          </Button>
        </div>
      ) : (
        <Form action={action} onSubmit={guard} className="flex flex-col gap-5">
          <input type="hidden" name="billId" value={billId} />
          <input type="hidden" name="channel" value={channel} />
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <section aria-labelledby="confirm-heading" className="flex flex-col gap-3 rounded-2xl border-2 border-warm bg-card p-4">
            <h2 id="confirm-heading" className="text-2xl font-bold">
              {labels.confirmTitle}
            </h2>
            <dl className="grid grid-cols-[auto_1fr] items-baseline gap-x-4 gap-y-2 text-xl">
              <dt>{labels.confirmAmount}</dt>
              <dd className="text-3xl font-bold text-warm" data-testid="confirm-amount">
                {amount}
              </dd>
              <dt>{labels.confirmAccount}</dt>
              <dd>{accountNo}</dd>
              <dt>{labels.confirmChannel}</dt>
              <dd>{labels.channels[channel]}</dd>
            </dl>
            {elder && (
              <>
                <SpeakButton text={fillIn(labels.spoken, { accountNo, yuan: formatYuan(amountFen) })} label={labels.speak} lang={lang} />
                <Checkbox
                  isSelected={checked}
                  onChange={(value) => {
                    setChecked(value);
                    if (value) setMissingCheck(false);
                  }}
                  className="flex min-h-[3rem] cursor-pointer items-center gap-3 rounded-xl border-2 border-line px-3 py-2 text-xl selected:border-warm selected:bg-warm-soft"
                >
                  {({ isSelected }) => (
                    <>
                      <span aria-hidden="true" className={`flex h-7 w-7 shrink-0 items-center justify-center rounded border-2 border-warm ${isSelected ? 'bg-warm text-white' : 'bg-card'}`}>
                        {isSelected ? '✓' : ''}
                      </span>
                      {fillIn(labels.elderCheck, { accountNo, amount })}
                    </>
                  )}
                </Checkbox>
                {missingCheck && <Notice tone="error" live>{labels.elderCheckRequired}</Notice>}
              </>
            )}
          </section>
          <div className="flex flex-wrap gap-3">
            <Button
              type="submit"
              isPending={pending || launching}
              data-voice-costly
              data-voice-confirm={fillIn(labels.spoken, { accountNo, yuan: formatYuan(amountFen) })}
            >
              {fillIn(labels.payButton, { amount })}
            </Button>
            <Button variant="secondary" onPress={() => setStep('choose')} isDisabled={pending || launching}>
              {labels.back}
            </Button>
          </div>
        </Form>
      )}
      {redirect && (
        <form ref={redirectForm} method="POST" action={redirect.action} className="hidden" aria-hidden="true">
          {Object.entries(redirect.fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
        </form>
      )}
    </div>
  );
}
