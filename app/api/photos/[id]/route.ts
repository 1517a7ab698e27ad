import { readPhoto } from '@/lib/complaints/photos/add-photo';
import { servePhoto } from '@/lib/http/serve-photo';

/** GET /api/photos/:id — a complaint photo, for the residents of its account and its utility's staff only. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return servePhoto((await params).id, 'photo', readPhoto);
}
