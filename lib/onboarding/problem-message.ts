import { fill } from '@/lib/i18n';
import type { OnboardingMessages } from '@/lib/i18n/onboarding';
import { ImportFileError } from './import-error';

/** The words for a refused file, in the reader's language. */
export function problemMessage(error: ImportFileError, m: OnboardingMessages): string {
  return fill(m.problem[error.problem], error.params);
}
