'use client';

import { Checkbox, CheckboxGroup, FieldError, Label, Text } from 'react-aria-components';

/** Large tappable checkboxes; the tick is drawn, never shown by colour alone. */
export function CheckboxChoices({
  name,
  label,
  description,
  options,
  defaultValue,
  isRequired,
}: {
  name: string;
  label: string;
  description?: string;
  options: { value: string; label: string }[];
  defaultValue?: string[];
  isRequired?: boolean;
}) {
  return (
    <CheckboxGroup name={name} isRequired={isRequired} defaultValue={defaultValue} className="flex flex-col gap-2">
      <Label className="text-lg font-semibold">{label}</Label>
      {description && <Text slot="description" className="text-ink-soft">{description}</Text>}
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        {options.map((o) => (
          <Checkbox
            key={o.value}
            value={o.value}
            className="relative flex min-h-11 cursor-pointer items-center gap-3 rounded-xl border-2 border-line bg-card px-3 py-2 text-xl selected:border-warm selected:bg-warm-soft elder:min-h-[3rem]"
          >
            {({ isSelected }) => (
              <>
                <span aria-hidden="true" className={`pointer-events-none flex h-6 w-6 shrink-0 items-center justify-center rounded border-2 border-warm font-bold ${isSelected ? 'bg-warm text-white' : 'bg-card'}`}>
                  {isSelected ? '✓' : ''}
                </span>
                {o.label}
              </>
            )}
          </Checkbox>
        ))}
      </div>
      <FieldError className="font-semibold text-bad" />
    </CheckboxGroup>
  );
}
