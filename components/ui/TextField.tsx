'use client';

import { FieldError, Input, Label, Text, TextField as AriaTextField, type TextFieldProps } from 'react-aria-components';
import { commitOnInput } from './commit-on-input';

export function TextField({
  label,
  description,
  ...props
}: TextFieldProps & { label: string; description?: string; placeholder?: string }) {
  return (
    <AriaTextField {...props} className="flex flex-col gap-1">
      <Label className="text-lg font-semibold">{label}</Label>
      <Input
        placeholder={props.placeholder}
        onInput={commitOnInput}
        className="min-h-11 rounded-lg border-2 border-line bg-card px-3 py-2 text-xl text-ink elder:min-h-[3rem] invalid:border-bad"
      />
      {description && <Text slot="description" className="text-ink-soft">{description}</Text>}
      <FieldError className="font-semibold text-bad" />
    </AriaTextField>
  );
}
