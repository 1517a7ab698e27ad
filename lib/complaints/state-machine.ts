/**
 * The work-order state machine, the one table of what may follow what. A transition not listed
 * is an `invalid_transition` error, never a silent no-op.
 *
 *   open → acknowledged → visit_scheduled ⇄ in_repair → resolved → closed
 *                 └────────────┴──────────────┘             └→ reopened → acknowledged
 */
export const WORK_ORDER_STATES = ['OPEN', 'ACKNOWLEDGED', 'VISIT_SCHEDULED', 'IN_REPAIR', 'RESOLVED', 'CLOSED', 'REOPENED'] as const;
export type WorkOrderState = (typeof WORK_ORDER_STATES)[number];

export const TRANSITIONS: Readonly<Record<WorkOrderState, readonly WorkOrderState[]>> = {
  OPEN: ['ACKNOWLEDGED'],
  ACKNOWLEDGED: ['VISIT_SCHEDULED', 'IN_REPAIR', 'RESOLVED'],
  // Rescheduling a visit is a transition to the same state, so it is recorded like any other.
  VISIT_SCHEDULED: ['VISIT_SCHEDULED', 'IN_REPAIR', 'RESOLVED'],
  IN_REPAIR: ['VISIT_SCHEDULED', 'RESOLVED'],
  RESOLVED: ['CLOSED', 'REOPENED'],
  CLOSED: [],
  REOPENED: ['ACKNOWLEDGED'],
};

export function canTransition(from: WorkOrderState, to: WorkOrderState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** States in which staff still owe the resident something. */
export function isActive(state: WorkOrderState): boolean {
  return state !== 'RESOLVED' && state !== 'CLOSED';
}
