import { IncidentWorkOrder } from '@/components/complaints/IncidentWorkOrder';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Photos } from '@/components/complaints/Photos';
import { RadioChoices } from '@/components/complaints/RadioChoices';
import { StaffStepForm } from '@/components/complaints/StaffStepForm';
import { TextArea } from '@/components/complaints/TextArea';
import { WorkOrderLayout } from '@/components/complaints/WorkOrderLayout';
import { TextField } from '@/components/ui/TextField';
import { requireStaff } from '@/lib/auth/current';
import { formatShanghai } from '@/lib/complaints/format';
import { listPhotos } from '@/lib/complaints/photos/add-photo';
import { shanghaiDay } from '@/lib/complaints/shanghai';
import { staffIncidentOrder } from '@/lib/complaints/incident-queries';
import { staffWorkOrder } from '@/lib/complaints/staff-queries';
import { preferences } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { complaintMessages, type ComplaintMessages } from '@/lib/i18n/complaints';

export const metadata: Metadata = { title: '工单详情' };

export default async function WorkOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  // Another utility's order is simply not found.
  const order = await staffWorkOrder(staff.utilityId, id);
  const { locale } = await preferences();
  const c = complaintMessages(locale);
  const now = new Date();
  if (!order) {
    const incidentOrder = await staffIncidentOrder(staff.utilityId, id);
    if (!incidentOrder) notFound();
    return <IncidentWorkOrder order={incidentOrder} c={c} locale={locale} now={now} />;
  }
  const room = (r: string) => c.rooms[r as keyof ComplaintMessages['rooms']] ?? r;
  const s = order.state;
  const working = s === 'ACKNOWLEDGED' || s === 'VISIT_SCHEDULED' || s === 'IN_REPAIR';
  const rows: [string, string | null][] = [
    [c.detail.status, c.states[s]],
    [c.staff.resident, order.holderName],
    [c.staff.contactPhone, order.contactPhone],
    [c.detail.account, order.accountNo],
    [c.detail.address, order.address],
    [c.staff.station, order.stationName],
    [c.detail.problem, `${c.problems[order.problem]} · ${c.priorities[order.priority]}`],
    [c.detail.rooms, order.rooms.map(room).join('、')],
    [c.detail.temperature, order.indoorCelsius ? `${order.indoorCelsius} ℃` : null],
    [c.detail.since, order.sinceDate],
    [c.detail.visits, order.preferredVisits.map((v) => c.visits[v as keyof ComplaintMessages['visits']] ?? v).join('、') || null],
    [c.staff.hotwords, order.hotwords.map((h) => h.term).join('、') || null],
    [c.detail.filedAt, formatShanghai(order.createdAt, locale)],
  ];
  return (
    <WorkOrderLayout
      title={fill(c.staff.detailTitle, { number: order.number })}
      order={order}
      rows={rows}
      c={c}
      locale={locale}
      now={now}
      details={
        <>
          {order.description && <p className="rounded-xl bg-card p-3 text-lg whitespace-pre-wrap">{order.description}</p>}
          <Photos photos={await listPhotos(order.complaintId)} p={c.photos} />
        </>
      }
      replyLabel={c.staff.replyLabel}
      steps={
        <>
          {(s === 'OPEN' || s === 'REOPENED') && <StaffStepForm target="work-order" id={order.id} intent="claim" submitLabel={c.staff.claim} />}
          {working && (
            <StaffStepForm target="work-order" id={order.id} intent="schedule" submitLabel={c.staff.schedule}>
              <TextField name="visitAt" type="datetime-local" label={c.staff.visitAt} isRequired />
            </StaffStepForm>
          )}
          {(s === 'ACKNOWLEDGED' || s === 'VISIT_SCHEDULED') && (
            <StaffStepForm target="work-order" id={order.id} intent="start_repair" submitLabel={c.staff.startRepair} variant="secondary" />
          )}
          {(working || s === 'RESOLVED') && (
            <StaffStepForm target="work-order" id={order.id} intent="temperature" submitLabel={c.staff.temperatures} variant="secondary">
              <RadioChoices name="room" label={c.staff.room} isRequired defaultValue={order.rooms[0]} options={Object.entries(c.rooms).map(([value, label]) => ({ value, label }))} />
              <TextField name="measuredOn" type="date" label={c.staff.measuredOn} isRequired defaultValue={shanghaiDay(now)} />
              <TextField name="celsius" inputMode="decimal" label={c.staff.celsius} isRequired maxLength={6} />
            </StaffStepForm>
          )}
          {working && (
            <StaffStepForm target="work-order" id={order.id} intent="resolve" submitLabel={c.staff.resolve}>
              <TextArea name="message" label={c.staff.resolveLabel} rows={2} isRequired maxLength={1000} />
            </StaffStepForm>
          )}
        </>
      }
      afterSteps={
        order.readings.length > 0 && (
          <section aria-labelledby="readings-heading" className="flex flex-col gap-2">
            <h2 id="readings-heading" className="text-2xl font-bold">{c.detail.readings}</h2>
            <ul className="flex flex-col gap-1 text-lg">
              {order.readings.map((r) => (
                <li key={`${r.measuredOn}-${r.room}`}>{fill(c.detail.readingRow, { date: r.measuredOn, room: room(r.room), celsius: r.celsius })}</li>
              ))}
            </ul>
          </section>
        )
      }
    />
  );
}
