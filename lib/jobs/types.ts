/**
 * A background job kept in PostgreSQL (pg-boss): every server process may run it, exactly one does.
 * `cron` jobs are scheduled in Asia/Shanghai time.
 */
export interface JobDefinition<T extends object = object> {
  name: string;
  cron?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  handle(payloads: T[], now: Date): Promise<void>;
}

export function defineJob<T extends object>(job: JobDefinition<T>): JobDefinition<T> {
  return job;
}
