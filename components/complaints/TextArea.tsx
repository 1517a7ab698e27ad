'use client';

import { FieldError, Label, Text, TextArea as AriaTextArea, TextField, type TextFieldProps } from 'react-aria-components';
import { commitOnInput } from '@/components/ui/commit-on-input';

export function TextArea({
  label,
  description,
  rows = 4,
  ...props
}: TextFieldProps & { label: string; description?: string; rows?: number }) {
  return (
    <TextField {...props} className="flex flex-col gap-1">
      <Label className="text-lg font-semibold">{label}</Label>
      <AriaTextArea
        rows={rows}
        onInput={commitOnInput}
        className="min-h-11 rounded-lg border-2 border-line bg-card px-3 py-2 text-xl text-ink elder:min-h-[3rem] invalid:border-bad"
      />
      {description && <Text slot="description" className="text-ink-soft">{description}</Text>}
      <FieldError className="font-semibold text-bad" />
    </TextField>
  );
}
