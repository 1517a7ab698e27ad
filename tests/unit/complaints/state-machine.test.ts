import { describe, expect, it } from 'vitest';
import { canTransition, TRANSITIONS, WORK_ORDER_STATES, type WorkOrderState } from '@/lib/complaints/state-machine';

describe('work-order state machine', () => {
  it('walks the whole life of a complaint that was not fixed the first time', () => {
    const walk: WorkOrderState[] = [
      'OPEN', 'ACKNOWLEDGED', 'VISIT_SCHEDULED', 'VISIT_SCHEDULED', 'IN_REPAIR', 'RESOLVED',
      'REOPENED', 'ACKNOWLEDGED', 'IN_REPAIR', 'VISIT_SCHEDULED', 'RESOLVED', 'CLOSED',
    ];
    for (let i = 1; i < walk.length; i++) expect(canTransition(walk[i - 1]!, walk[i]!), `${walk[i - 1]} → ${walk[i]}`).toBe(true);
  });

  it('allows exactly the transitions in the table', () => {
    const allowed = new Set(Object.entries(TRANSITIONS).flatMap(([from, tos]) => tos.map((to) => `${from}→${to}`)));
    expect([...allowed].sort()).toEqual(
      [
        'OPEN→ACKNOWLEDGED',
        'ACKNOWLEDGED→VISIT_SCHEDULED', 'ACKNOWLEDGED→IN_REPAIR', 'ACKNOWLEDGED→RESOLVED',
        'VISIT_SCHEDULED→VISIT_SCHEDULED', 'VISIT_SCHEDULED→IN_REPAIR', 'VISIT_SCHEDULED→RESOLVED',
        'IN_REPAIR→VISIT_SCHEDULED', 'IN_REPAIR→RESOLVED',
        'RESOLVED→CLOSED', 'RESOLVED→REOPENED',
        'REOPENED→ACKNOWLEDGED',
      ].sort(),
    );
    for (const from of WORK_ORDER_STATES) {
      for (const to of WORK_ORDER_STATES) expect(canTransition(from, to)).toBe(allowed.has(`${from}→${to}`));
    }
  });

  it('never leaves CLOSED and never skips the acknowledgement', () => {
    expect(TRANSITIONS.CLOSED).toEqual([]);
    for (const to of WORK_ORDER_STATES) if (to !== 'ACKNOWLEDGED') expect(canTransition('OPEN', to)).toBe(false);
  });
});
