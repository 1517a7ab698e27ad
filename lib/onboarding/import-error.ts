/**
 * A problem with the file as a whole (not one row): it is refused before anything is written,
 * with a message naming what to fix (lib/i18n/onboarding.ts).
 */
export type ImportFileProblem =
  | 'unknown_utility'
  | 'unsupported_type'
  | 'empty_file'
  | 'file_too_large'
  | 'unreadable'
  | 'missing_columns'
  | 'mapping_columns'
  | 'mapping_empty'
  | 'mapping_row'
  | 'mapping_no_tariff'
  | 'already_imported';

export class ImportFileError extends Error {
  constructor(
    readonly problem: ImportFileProblem,
    readonly params: Record<string, string> = {},
  ) {
    super(`${problem}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'ImportFileError';
  }
}
