'use client';

import { FieldError, Label, Radio, RadioGroup } from 'react-aria-components';

/**
 * Large tappable radio cards (a radio dot beside the label, never colour alone). `relative` keeps
 * the visually hidden input inside its own card, so a tap lands on the right choice.
 */
export function RadioChoices({
  name,
  label,
  options,
  defaultValue,
  isRequired,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  isRequired?: boolean;
}) {
  return (
    <RadioGroup name={name} isRequired={isRequired} defaultValue={defaultValue} className="flex flex-col gap-2">
      <Label className="text-lg font-semibold">{label}</Label>
      <div className="grid gap-2 sm:grid-cols-2">
        {options.map((o) => (
          <Radio
            key={o.value}
            value={o.value}
            className="relative flex min-h-11 cursor-pointer items-center gap-3 rounded-xl border-2 border-line bg-card px-4 py-2 text-xl selected:border-warm selected:bg-warm-soft elder:min-h-[3rem]"
          >
            {({ isSelected }) => (
              <>
                <span aria-hidden="true" className={`pointer-events-none h-5 w-5 shrink-0 rounded-full border-2 border-warm ${isSelected ? 'bg-warm' : 'bg-card'}`} />
                {o.label}
              </>
            )}
          </Radio>
        ))}
      </div>
      <FieldError className="font-semibold text-bad" />
    </RadioGroup>
  );
}
