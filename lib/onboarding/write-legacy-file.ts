import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { LEGACY_HEADER, legacyRows, toCells } from './generate-legacy';

/** Writes a generated legacy file as CSV (UTF-8, UTF-8 with BOM, or GBK) or .xlsx, streamed. */
export interface WriteOptions {
  path: string;
  rows: number;
  messy: boolean;
  encoding?: 'utf8' | 'utf8-bom' | 'gbk';
  seed?: number;
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export async function writeLegacyFile(o: WriteOptions): Promise<void> {
  if (o.path.toLowerCase().endsWith('.xlsx')) {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: o.path, useSharedStrings: false, useStyles: false });
    const sheet = workbook.addWorksheet('户档案');
    sheet.addRow(LEGACY_HEADER).commit();
    for (const row of legacyRows(o.rows, o)) sheet.addRow(toCells(row)).commit();
    sheet.commit();
    await workbook.commit();
    return;
  }
  const out = createWriteStream(o.path);
  const encode = (text: string) => (o.encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8'));
  if (o.encoding === 'utf8-bom') out.write(Buffer.from([0xef, 0xbb, 0xbf]));
  let chunk = `${LEGACY_HEADER.join(',')}\r\n`;
  for (const row of legacyRows(o.rows, o)) {
    chunk += `${toCells(row).map(csvCell).join(',')}\r\n`;
    if (chunk.length > 64 * 1024) {
      if (!out.write(encode(chunk))) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(encode(chunk));
  await once(out, 'finish');
}
