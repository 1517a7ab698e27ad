import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { detectEncoding, type TextEncoding } from './detect-encoding';
import { ImportFileError } from './import-error';

/**
 * Rows of a legacy file as arrays of text cells, streamed: a CSV through an iconv decoder and
 * csv-parse, an .xlsx through exceljs' streaming reader (first worksheet). Memory stays flat
 * whatever the file size.
 */
export type SourceKind = 'csv' | 'xlsx';

export function sourceKind(fileName: string): SourceKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  throw new ImportFileError('unsupported_type', { name: fileName });
}

export async function sniffEncoding(path: string): Promise<TextEncoding> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead === 0) throw new ImportFileError('empty_file');
    return detectEncoding(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** Counts bytes as they are read, for a progress bar over a file whose row count is unknown. */
export type OnBytes = (bytes: number) => void;

function counted(path: string, onBytes?: OnBytes) {
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  if (onBytes) stream.on('data', (chunk) => onBytes(chunk.length));
  return stream;
}

export async function* csvRows(path: string, encoding: TextEncoding, onBytes?: OnBytes): AsyncGenerator<string[]> {
  const parser = counted(path, onBytes)
    .pipe(iconv.decodeStream(encoding, { stripBOM: true }))
    .pipe(parse({ relax_column_count: true, relax_quotes: true, skip_empty_lines: true }));
  try {
    for await (const record of parser) yield record as string[];
  } catch (error) {
    // csv-parse names its own errors CSV_*; anything else is not about the file's contents.
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('CSV_')) {
      throw new ImportFileError('unreadable', { detail: error.message.slice(0, 200) });
    }
    throw error;
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

export async function* xlsxRows(path: string, onBytes?: OnBytes): AsyncGenerator<string[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(counted(path, onBytes), { sharedStrings: 'cache', worksheets: 'emit', hyperlinks: 'ignore', styles: 'ignore' });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        // row.values is 1-based and sparse.
        const values = row.values as ExcelJS.CellValue[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        yield cells;
      }
      // Only the first worksheet holds the accounts; the rest are notes in most exports.
      break;
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    if (error instanceof Error && /zip|end of central directory|invalid|signature/i.test(error.message)) {
      throw new ImportFileError('unreadable', { detail: error.message.slice(0, 200) });
    }
    throw error;
  }
}

export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
