-- Open payments are swept by next_query_at (payment_query_due); no query reads payments by
-- expires_at, yet every insert and state change of a payment kept this index up to date.
DROP INDEX IF EXISTS "payment_open_expires";
