import { createHash, createHmac } from 'node:crypto';
import { pool } from '@/lib/db/client';
import { env } from '@/lib/env';
import { fileComplaint } from '@/lib/complaints/file-complaint';
import { seedHotwordLibrary } from '@/lib/complaints/hotword-library';
import { ingestMentions } from '@/lib/complaints/ingest-mentions';
import { recordTemperatures } from '@/lib/complaints/record-temperatures';
import { shanghaiDay } from '@/lib/complaints/shanghai';
import { transitionWorkOrder } from '@/lib/complaints/transition-work-order';

/**
 * Demo complaints in several states, a hot-word surge on the supervisor board, and an API key for
 * POST /api/v1/mentions. Fixed idempotency keys make a second run change nothing.
 */
const KEYS = {
  open: '00000000-0000-4000-8000-00000000c001',
  visit: '00000000-0000-4000-8000-00000000c002',
  resolved: '00000000-0000-4000-8000-00000000c003',
};

export interface ComplaintsDemoInput {
  utilityId: string;
  /** 王秀兰 and her first account; 李建国 and his account. */
  wang: { residentId: string; phone: string; accountId: string };
  li: { residentId: string; phone: string; accountId: string };
  agentId: string;
}

async function workOrderOf(complaintId: string): Promise<string> {
  const { rows } = await pool().query<{ id: string }>(`SELECT id FROM work_order WHERE complaint_id = $1`, [complaintId]);
  return rows[0]!.id;
}

export async function seedComplaintsDemo(d: ComplaintsDemoInput): Promise<{ apiKey: string }> {
  // Harbin's season starts on 20 October (the default promise says 1 November).
  await pool().query(`UPDATE utility SET service_promise = service_promise || '{"seasonStart": "10-20"}'::jsonb WHERE id = $1`, [d.utilityId]);
  await seedHotwordLibrary(d.utilityId);
  const now = new Date();
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  const agent = { kind: 'STAFF' as const, staffId: d.agentId, utilityId: d.utilityId, name: '陈晓' };
  const base = { rooms: ['living' as const, 'bedroom' as const], preferredVisits: ['weekday_afternoon' as const], ip: 'demo' };

  await fileComplaint(
    { ...base, idempotencyKey: KEYS.open, residentId: d.li.residentId, accountId: d.li.accountId, contactPhone: d.li.phone,
      problem: 'NOT_WARM', indoorCelsius: '14.5', description: '暖气片上面热下面凉，屋里冻得嘶哈的，老人在家。' },
    minutesAgo(40),
  );

  const visit = await fileComplaint(
    { ...base, idempotencyKey: KEYS.visit, residentId: d.wang.residentId, accountId: d.wang.accountId, contactPhone: d.wang.phone,
      problem: 'LEAK', description: '卫生间暖气片接口滴水，地板泡了。' },
    minutesAgo(180),
  );
  if (visit.created) {
    const id = await workOrderOf(visit.complaintId);
    await transitionWorkOrder({ workOrderId: id, to: 'ACKNOWLEDGED', actor: agent }, minutesAgo(170));
    await transitionWorkOrder({ workOrderId: id, to: 'VISIT_SCHEDULED', actor: agent, visitAt: new Date(now.getTime() + 20 * 3_600_000) }, minutesAgo(165));
  }

  const resolved = await fileComplaint(
    { ...base, idempotencyKey: KEYS.resolved, residentId: d.wang.residentId, accountId: d.wang.accountId, contactPhone: d.wang.phone,
      problem: 'NOT_WARM', indoorCelsius: '15', description: '暖气不热，温度上不来。' },
    minutesAgo(60 * 30),
  );
  if (resolved.created) {
    const id = await workOrderOf(resolved.complaintId);
    await transitionWorkOrder({ workOrderId: id, to: 'ACKNOWLEDGED', actor: agent }, minutesAgo(60 * 29));
    await recordTemperatures(
      { workOrderId: id, actor: agent, readings: [
        { room: 'living', measuredOn: shanghaiDay(minutesAgo(60 * 28)), celsius: '15.2' },
        { room: 'bedroom', measuredOn: shanghaiDay(minutesAgo(60 * 28)), celsius: '16.0' },
      ] },
      minutesAgo(60 * 28),
    );
    await transitionWorkOrder({ workOrderId: id, to: 'RESOLVED', actor: agent, message: '暖气片有空气，已放气，复测客厅 19.5 ℃。' }, minutesAgo(60 * 27));
    // A surge of one colloquial term today, for the supervisor board.
    await ingestMentions(d.utilityId, Array.from({ length: 52 }, (_, i) => ({ text: `热线转写 ${i + 1}：家里冻得嘶哈的` })), now);
  }
  return { apiKey: await demoApiKey(d.utilityId) };
}

/** Derived from the demo secret, so the same key can be printed on every start without being stored. */
function demoKeyParts(): { secret: string; prefix: string } {
  const secret = createHmac('sha256', env().AUTH_SECRET).update('demo mentions api key').digest('base64url');
  return { secret, prefix: createHash('sha256').update(secret).digest('hex').slice(0, 12) };
}

/** The demo API key, derived from AUTH_SECRET, so every start can print it without storing it. */
export function demoMentionsApiKey(): string {
  const { secret, prefix } = demoKeyParts();
  return `nxk_${prefix}_${secret}`;
}

async function demoApiKey(utilityId: string): Promise<string> {
  const { secret, prefix } = demoKeyParts();
  await pool().query(
    `INSERT INTO api_key (utility_id, name, prefix, secret_hash) VALUES ($1, '演示：热线转写', $2, $3) ON CONFLICT (prefix) DO NOTHING`,
    [utilityId, prefix, createHash('sha256').update(secret).digest('hex')],
  );
  return `nxk_${prefix}_${secret}`;
}
