'use client';

import { startTransition, type FormEvent } from 'react';

/**
 * React resets a form after its action runs, which would wipe what a person typed when the server
 * refuses it. Submitting through this handler runs the same action without that reset (the
 * pressed button's name and value included); without JavaScript the form still posts normally.
 */
export function submitWithoutReset(action: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => action(data));
  };
}
