import type { FormEvent } from 'react';

/**
 * React Aria clears an error the server returned for a field on the input's native `change`
 * event, which browsers fire only when the field loses focus. Pressing the submit button right
 * after fixing the field then removes the error line between pointer-down and pointer-up: the
 * button moves up, the press lands outside it and nothing is sent. Firing `change` on every
 * keystroke clears the error while the person types instead.
 */
export function commitOnInput(event: FormEvent<HTMLInputElement | HTMLTextAreaElement>): void {
  event.currentTarget.dispatchEvent(new Event('change'));
}
