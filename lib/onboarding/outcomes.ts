/** What became of a legacy row, and the machine codes of why (lib/i18n/onboarding.ts words them). */
export type Outcome = 'accepted' | 'fixed' | 'merged' | 'unchanged' | 'rejected';

export type RejectReason =
  | 'missing_required'
  | 'id_invalid'
  | 'phone_invalid'
  | 'area_format'
  | 'area_implausible'
  | 'usable_exceeds_building'
  | 'balance_format'
  | 'status_unknown'
  | 'tariff_unmapped'
  | 'duplicate_account_no'
  | 'field_too_long';

export type FixCode =
  | 'id_spacing'
  | 'id_full_width'
  | 'id_lower_x'
  | 'id_upgraded_15'
  | 'phone_format'
  | 'area_unit'
  | 'balance_symbols'
  | 'balance_blank'
  | 'status_blank'
  | 'whitespace';

export type AccountStatus = 'ACTIVE' | 'SUSPENDED' | 'CLOSED';

export const OUTCOMES: readonly Outcome[] = ['accepted', 'fixed', 'merged', 'unchanged', 'rejected'];
