/** Mainland China mobile numbers: 11 digits starting 1[3-9], with an optional +86 / 86 prefix. */
export function normalizeMobile(input: string): string | null {
  const digits = input.replace(/[\s\-()（）]/g, '').replace(/^\+?86/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}
