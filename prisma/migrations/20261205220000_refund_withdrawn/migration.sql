-- A resident may withdraw a refund request until it is approved (lib/refunds/withdraw-refund.ts).
ALTER TYPE "refund_state" ADD VALUE IF NOT EXISTS 'withdrawn';
