import { servePhoto } from '@/lib/http/serve-photo';
import { readRefundPhoto } from '@/lib/refunds/photos';

/** GET /api/refunds/photos/:id — a refund's evidence photo, for the resident who asked and their utility's staff only. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return servePhoto((await params).id, 'refund-photo', readRefundPhoto);
}
