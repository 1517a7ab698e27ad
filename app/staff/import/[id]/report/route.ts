import { z } from 'zod';
import { currentStaff } from '@/lib/auth/current';
import { importReportCsv } from '@/lib/onboarding/batches';

/** The CSV report of one of the staff member's utility's imports (ADMIN only). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const staff = await currentStaff();
  if (!staff || staff.role !== 'ADMIN') return new Response('您没有权限查看此报告。 / Not allowed.', { status: 403 });
  const id = z.uuid().safeParse((await params).id);
  const report = id.success ? await importReportCsv(staff.utilityId, id.data) : null;
  if (!report) return new Response('没有找到这份报告。 / Report not found.', { status: 404 });
  const name = encodeURIComponent(`${report.fileName}.report.csv`);
  return new Response(report.csv, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename*=UTF-8''${name}`, 'cache-control': 'no-store' },
  });
}
