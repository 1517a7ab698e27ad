import type { Problem } from './fields';
import type { WorkOrderPriority } from './hotwords';

/**
 * A work order's priority: the problem the resident chose sets a floor (no heat at all or water
 * running is never "normal"), the hot words in the description can only raise it.
 */
const FLOOR: Record<Problem, WorkOrderPriority> = { NO_HEAT: 'high', LEAK: 'high', NOT_WARM: 'normal', OTHER: 'normal' };
const RANK: Record<WorkOrderPriority, number> = { normal: 0, high: 1, urgent: 2 };

export function complaintPriority(problem: Problem, fromHotwords: WorkOrderPriority): 'URGENT' | 'HIGH' | 'NORMAL' {
  const floor = FLOOR[problem];
  const chosen = RANK[fromHotwords] > RANK[floor] ? fromHotwords : floor;
  return chosen.toUpperCase() as 'URGENT' | 'HIGH' | 'NORMAL';
}

/**
 * An incident's work order: a station outage leaves a whole station cold (urgent); a surge of one
 * term is a warning that many residents are unhappy (high).
 */
export function incidentPriority(kind: 'TERM_SURGE' | 'STATION_OUTAGE'): 'URGENT' | 'HIGH' {
  return kind === 'STATION_OUTAGE' ? 'URGENT' : 'HIGH';
}
