/**
 * Server actions are public endpoints: their arguments arrive from whoever posts, decoded by
 * React, and need not be what the page would send (a string where FormData belongs, null for the
 * previous state). These make such input read as empty, so the action's own validation answers
 * with its "invalid input" message in the user's language instead of crashing with a 500.
 */
export function formInput(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}

export function priorState<T extends object>(value: unknown, fallback: T): T {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as T) : fallback;
}
