import { pool } from '@/lib/db/client';
import type { RefundLine } from './compute-amount';
import { FINISHED_REFUND_STATES, type RefundReason, type RefundState } from './state-machine';

/**
 * What residents and staff read of refunds. A resident sees only their own requests; staff only
 * their utility's. Anything else is simply not found.
 */
export interface RefundEventView {
  at: Date;
  kind: string;
  toState: RefundState;
  actorKind: string;
  actorName: string | null;
  message: string | null;
}

export interface RefundView {
  id: string;
  number: number;
  reason: RefundReason;
  amountFen: bigint;
  state: RefundState;
  lines: RefundLine[];
  note: string | null;
  rejectReason: string | null;
  needsSupervisor: boolean;
  firstApprovedBy: string | null;
  expectedBy: string;
  escalated: boolean;
  lastError: string | null;
  attempts: number;
  season: number;
  accountNo: string;
  createdAt: Date;
  events: RefundEventView[];
}

interface Row {
  id: string;
  number: number;
  reason: RefundReason;
  amount_fen: string;
  state: RefundState;
  lines: RefundLine[];
  note: string | null;
  reject_reason: string | null;
  needs_supervisor: boolean;
  first_approved_by: string | null;
  expected_by: string;
  escalated: boolean;
  last_error: string | null;
  attempts: number;
  season: number;
  account_no: string;
  created_at: Date;
  events: { at: string; kind: string; to_state: RefundState; actor_kind: string; actor_name: string | null; message: string | null }[];
}

const SELECT = `SELECT r.id, r.number, r.reason, r.amount_fen::text AS amount_fen, r.state, r.lines, r.note, r.reject_reason,
    r.needs_supervisor, r.first_approved_by, r.expected_by::text AS expected_by, r.escalated_at IS NOT NULL AS escalated,
    r.last_error, r.attempts, b.season, a.account_no, r.created_at,
    (SELECT coalesce(json_agg(json_build_object('at', e.at, 'kind', e.kind, 'to_state', e.to_state, 'actor_kind', e.actor_kind,
        'actor_name', s.name, 'message', e.message) ORDER BY e.at, e.id), '[]')
     FROM refund_event e LEFT JOIN staff s ON s.id = e.actor_id AND e.actor_kind = 'STAFF' WHERE e.refund_id = r.id) AS events
  FROM refund_request r JOIN bill b ON b.id = r.bill_id JOIN heating_account a ON a.id = r.account_id`;

function toView(r: Row): RefundView {
  return {
    id: r.id,
    number: r.number,
    reason: r.reason,
    amountFen: BigInt(r.amount_fen),
    state: r.state,
    lines: r.lines,
    note: r.note,
    rejectReason: r.reject_reason,
    needsSupervisor: r.needs_supervisor,
    firstApprovedBy: r.first_approved_by,
    expectedBy: r.expected_by,
    escalated: r.escalated,
    lastError: r.last_error,
    attempts: r.attempts,
    season: r.season,
    accountNo: r.account_no,
    createdAt: r.created_at,
    events: r.events.map((e) => ({
      at: new Date(e.at),
      kind: e.kind,
      toState: e.to_state,
      actorKind: e.actor_kind,
      actorName: e.actor_name,
      message: e.message,
    })),
  };
}

export async function listMyRefunds(residentId: string): Promise<RefundView[]> {
  const { rows } = await pool().query<Row>(`${SELECT} WHERE r.resident_id = $1 ORDER BY r.created_at DESC LIMIT 50`, [residentId]);
  return rows.map(toView);
}

export async function staffRefund(utilityId: string, refundId: string): Promise<RefundView | null> {
  const { rows } = await pool().query<Row>(`${SELECT} WHERE r.utility_id = $1 AND r.id = $2`, [utilityId, refundId]);
  return rows[0] ? toView(rows[0]) : null;
}

/**
 * Views of the staff queue. open: everything not finished; review: waiting for a first look or
 * approval; supervisor: approved once, waiting for the second; escalated: failed past its retries;
 * closed: refunded, rejected or withdrawn.
 */
export const REFUND_QUEUE_VIEWS = ['open', 'review', 'supervisor', 'escalated', 'closed'] as const;
export type RefundQueueView = (typeof REFUND_QUEUE_VIEWS)[number];

/** The finished states as SQL literals (fixed names from the state machine, never input). */
const FINISHED_SQL = FINISHED_REFUND_STATES.map((s) => `'${s}'`).join(', ');

const VIEW_WHERE: Record<RefundQueueView, string> = {
  open: `r.state NOT IN (${FINISHED_SQL})`,
  review: `r.state IN ('submitted', 'under_review') AND r.first_approved_by IS NULL`,
  supervisor: `r.state = 'under_review' AND r.first_approved_by IS NOT NULL`,
  escalated: `r.state = 'failed' AND r.escalated_at IS NOT NULL`,
  closed: `r.state IN (${FINISHED_SQL})`,
};

/** The staff queue in one view: what waits for people first (escalated, then review), oldest first; closed ones newest first. */
export async function staffRefundQueue(utilityId: string, view: RefundQueueView = 'open'): Promise<RefundView[]> {
  const { rows } = await pool().query<Row>(
    `${SELECT} WHERE r.utility_id = $1 AND ${VIEW_WHERE[view]}
     ORDER BY ${
       view === 'closed'
         ? 'r.updated_at DESC'
         : `(r.escalated_at IS NOT NULL) DESC,
       CASE r.state WHEN 'failed' THEN 0 WHEN 'submitted' THEN 1 WHEN 'under_review' THEN 1 ELSE 2 END,
       r.created_at`
     }
     LIMIT 200`,
    [utilityId],
  );
  return rows.map(toView);
}

export interface RefundCounts {
  /** Waiting for a first look or a first approval. */
  toReview: number;
  /** Approved once, waiting for a supervisor's second approval. */
  awaitingSupervisor: number;
  /** Failed at the channel past its retries: people must act. */
  escalated: number;
}

/** The supervisors' board: what of the utility's refunds waits on people, counted by the queue's own views (one indexed read). */
export async function refundCounts(utilityId: string): Promise<RefundCounts> {
  const { rows } = await pool().query<RefundCounts>(
    `SELECT count(*) FILTER (WHERE ${VIEW_WHERE.review})::int AS "toReview",
            count(*) FILTER (WHERE ${VIEW_WHERE.supervisor})::int AS "awaitingSupervisor",
            count(*) FILTER (WHERE ${VIEW_WHERE.escalated})::int AS escalated
     FROM refund_request r WHERE r.utility_id = $1 AND r.state IN ('submitted', 'under_review', 'failed')`,
    [utilityId],
  );
  return rows[0] ?? { toReview: 0, awaitingSupervisor: 0, escalated: 0 };
}

/** The resident's bills that have money received through a channel, newest season first. */
export async function refundableBills(residentId: string): Promise<{ id: string; season: number; accountNo: string; paidFen: bigint }[]> {
  const { rows } = await pool().query<{ id: string; season: number; account_no: string; paid_fen: string }>(
    `SELECT b.id, b.season, a.account_no,
       (SELECT coalesce(sum(l.amount_fen), 0) FROM bill_ledger l WHERE l.bill_id = b.id AND l.amount_fen > 0)::text AS paid_fen
     FROM bill b JOIN heating_account a ON a.id = b.account_id
     JOIN resident_account ra ON ra.account_id = b.account_id AND ra.resident_id = $1
     WHERE b.status IN ('ISSUED', 'PAID')
       AND EXISTS (SELECT 1 FROM payment p WHERE p.bill_id = b.id AND p.status IN ('succeeded', 'partially_refunded'))
     ORDER BY b.season DESC, a.account_no`,
    [residentId],
  );
  return rows.map((r) => ({ id: r.id, season: r.season, accountNo: r.account_no, paidFen: BigInt(r.paid_fen) }));
}
