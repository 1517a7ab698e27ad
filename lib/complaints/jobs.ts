import { defineJob, type JobDefinition } from '@/lib/jobs/types';
import { closeResolved } from './close-resolved';
import { escalateDue } from './escalate-due';
import { INCIDENT_NOTIFY_JOB, type IncidentNoticeJob } from './incident-work-order';
import { deliverIncidentNotices, deliverNotices, NOTIFY_JOB, type NoticeJob } from './notices';

/** The complaints capability's background jobs (registered in lib/jobs/registry.ts). */
export const COMPLAINT_JOBS: JobDefinition[] = [
  defineJob({
    name: 'complaints.escalate-due',
    // Every minute: the shortest promise is two hours, so escalation is never more than a minute late.
    cron: '* * * * *',
    retryLimit: 0,
    async handle(_payloads, now) {
      await escalateDue(now);
    },
  }),
  defineJob({
    name: 'complaints.close-resolved',
    cron: '23 * * * *',
    async handle(_payloads, now) {
      await closeResolved(now);
    },
  }),
  defineJob<NoticeJob>({
    name: NOTIFY_JOB,
    async handle(payloads) {
      await deliverNotices(payloads);
    },
  }) as JobDefinition,
  defineJob<IncidentNoticeJob>({
    name: INCIDENT_NOTIFY_JOB,
    async handle(payloads) {
      await deliverIncidentNotices(payloads);
    },
  }) as JobDefinition,
];
