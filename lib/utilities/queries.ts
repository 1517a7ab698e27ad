import { pool } from '@/lib/db/client';

export async function utilityName(utilityId: string): Promise<{ name: string; nameEn: string; hotline: string }> {
  const { rows } = await pool().query<{ name: string; name_en: string; hotline: string }>(
    `SELECT name, name_en, hotline FROM utility WHERE id = $1`,
    [utilityId],
  );
  const row = rows[0];
  if (!row) throw new Error(`utility ${utilityId} not found`);
  return { name: row.name, nameEn: row.name_en, hotline: row.hotline };
}
