/**
 * What leaves the live tables together with a bill when it is archived. Each table `t` has an
 * archive `t_archive` with the same columns plus `archived_at`, append-only triggers on the
 * archive, and a `money_row_leaves_only_into_archive('t_archive')` trigger on `t` (see the
 * migration `archive_payments_and_lookup_indexes`). Parents come before their children.
 *
 * Adding a money table that references a bill or a payment (refunds) is one entry here, plus its
 * archive table, triggers and `*_all` view in a migration. A test checks that every foreign key
 * into an archived table comes from a table listed here, so a forgotten entry fails the suite
 * instead of failing the nightly job. Every table is keyed by `id`.
 */
export interface ArchivedTable {
  table: string;
  keyType: 'uuid' | 'bigint';
  /** The row it belongs to: its parent's table (listed earlier) and the column naming it. */
  parent?: { table: string; column: string };
  /**
   * Rows in this state keep their bill live (money still moving): a bill is archived only
   * once none of its rows here matches. SQL over this table's columns, alias-free.
   */
  holdsBillWhile?: string;
}

export const ARCHIVED_WITH_BILL: readonly ArchivedTable[] = [
  { table: 'bill', keyType: 'uuid' },
  { table: 'bill_ledger', keyType: 'bigint', parent: { table: 'bill', column: 'bill_id' } },
  // Money still moving, or money a channel took that staff have not yet credited or sent back
  // (a flagged payment without a resolution), keeps the bill live. Resolutions stay in
  // payment_resolution, keyed by the payment id, when their payment is archived.
  {
    table: 'payment',
    keyType: 'uuid',
    parent: { table: 'bill', column: 'bill_id' },
    holdsBillWhile: `status IN ('created', 'pending') OR (flagged_reason IS NOT NULL AND NOT EXISTS (SELECT 1 FROM payment_resolution r WHERE r.payment_id = payment.id))`,
  },
  { table: 'payment_event', keyType: 'bigint', parent: { table: 'payment', column: 'payment_id' } },
  // A refund still being decided or paid keeps its bill live.
  {
    table: 'refund_request',
    keyType: 'uuid',
    parent: { table: 'bill', column: 'bill_id' },
    holdsBillWhile: `state IN ('submitted', 'under_review', 'approved', 'refunding', 'failed')`,
  },
  { table: 'refund_event', keyType: 'bigint', parent: { table: 'refund_request', column: 'refund_id' } },
  // Payouts refer to their payment too, which leaves with the same bill (deleted after them).
  { table: 'refund_payout', keyType: 'uuid', parent: { table: 'refund_request', column: 'refund_id' } },
  { table: 'refund_photo', keyType: 'uuid', parent: { table: 'refund_request', column: 'refund_id' } },
];

export const archiveOf = (table: string): string => `${table}_archive`;
