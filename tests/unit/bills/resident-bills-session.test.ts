import { describe, expect, it } from 'vitest';
import { listBillsForSession, listResidentBills, residentBillsForSession } from '@/lib/bills/resident-bills';
import { pool } from '@/lib/db/client';
import { randomTestPhone, seedResident } from '@/lib/seed/records';
import { seedBill } from '../payments/db-support';

/**
 * The bills page reads the session and the bills in one statement (residentBillsForSession): it
 * must find exactly what the session check followed by listResidentBills finds, and nothing at
 * all for a session that is not a live resident session.
 */
async function session(kind: 'RESIDENT' | 'STAFF', subjectId: string, expiresIn: string, revoked = false): Promise<string> {
  const { rows } = await pool().query<{ id: string }>(
    `INSERT INTO auth_session (kind, subject_id, expires_at, claimed, revoked_at)
     VALUES ($1::subject_kind, $2, now() + $3::interval, true, CASE WHEN $4 THEN now() END) RETURNING id`,
    [kind, subjectId, expiresIn, revoked],
  );
  return rows[0]!.id;
}

describe('the bills page read', () => {
  it('finds the resident and their quoted bills, as the two-step read does', async () => {
    const { residentId, billId, accountNo } = await seedBill();
    // Quoted when a late fee runs, within the session's life.
    const sid = await session('RESIDENT', residentId, '400 days');
    const now = new Date('2027-01-20T10:00:00+08:00');
    const found = await residentBillsForSession(sid, now);
    expect(found).toEqual({ residentId, bills: await listResidentBills(residentId, now), hasOpeningBalances: false });
    expect(found!.bills).toMatchObject([{ id: billId, accountNo }]);
    expect(found!.bills[0]!.lateFeeFen).toBeGreaterThan(0n);
    // The JSON API's statement agrees.
    expect(await listBillsForSession(sid, now)).toEqual(found!.bills);
  });

  it('a resident with no bills is found with none', async () => {
    const residentId = await seedResident(randomTestPhone(), null, []);
    expect(await residentBillsForSession(await session('RESIDENT', residentId, '1 hour'), new Date())).toEqual({ residentId, bills: [], hasOpeningBalances: false });
  });

  it('finds nothing for an expired, revoked, unknown or staff session', async () => {
    const { residentId } = await seedBill();
    expect(await residentBillsForSession(await session('RESIDENT', residentId, '-1 minute'), new Date())).toBeNull();
    expect(await residentBillsForSession(await session('RESIDENT', residentId, '1 hour', true), new Date())).toBeNull();
    expect(await residentBillsForSession('00000000-0000-4000-8000-000000000000', new Date())).toBeNull();
    expect(await residentBillsForSession(await session('STAFF', residentId, '1 hour'), new Date())).toBeNull();
  });
});
