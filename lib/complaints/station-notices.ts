import { pool } from '@/lib/db/client';

/** Open station outages that touch a resident's accounts, with whether each account has joined. */
export interface StationNotice {
  incidentId: string;
  stationName: string;
  openedAt: Date;
  expectedFixAt: Date | null;
  accounts: { id: string; accountNo: string; joined: boolean }[];
}

export async function stationNoticesFor(residentId: string): Promise<StationNotice[]> {
  const { rows } = await pool().query<{
    incident_id: string; station_name: string; opened_at: Date; expected_fix_at: Date | null; account_id: string; account_no: string; joined: boolean;
  }>(
    `SELECT i.id AS incident_id, s.name AS station_name, i.opened_at, i.expected_fix_at, a.id AS account_id, a.account_no,
            EXISTS (SELECT 1 FROM incident_member m WHERE m.incident_id = i.id AND m.account_id = a.id) AS joined
     FROM resident_account ra
     JOIN heating_account a ON a.id = ra.account_id
     JOIN building b ON b.id = a.building_id
     JOIN station s ON s.id = b.station_id
     JOIN incident i ON i.station_id = s.id AND i.kind = 'STATION_OUTAGE' AND i.status = 'OPEN'
     WHERE ra.resident_id = $1
     ORDER BY i.opened_at, a.account_no`,
    [residentId],
  );
  const notices = new Map<string, StationNotice>();
  for (const r of rows) {
    const notice = notices.get(r.incident_id) ?? {
      incidentId: r.incident_id,
      stationName: r.station_name,
      openedAt: r.opened_at,
      expectedFixAt: r.expected_fix_at,
      accounts: [],
    };
    notice.accounts.push({ id: r.account_id, accountNo: r.account_no, joined: r.joined });
    notices.set(r.incident_id, notice);
  }
  return [...notices.values()];
}
