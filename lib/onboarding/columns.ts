/**
 * The columns of a legacy account file, keyed by the headers utilities' old billing systems
 * export. Headers are matched after trimming and unifying full-width punctuation.
 */
export const COLUMNS = {
  accountNo: '户号',
  holderName: '户主姓名',
  idNumber: '身份证号',
  phone: '手机号',
  address: '地址',
  buildingUnit: '楼栋/单元',
  station: '换热站',
  buildingArea: '建筑面积',
  usableArea: '使用面积',
  certificateNo: '产权证号',
  tariffCode: '收费标准代码',
  openingBalance: '期初欠费',
  status: '状态',
} as const;

export type ColumnKey = keyof typeof COLUMNS;
export const COLUMN_KEYS = Object.keys(COLUMNS) as ColumnKey[];

/** Without these a row cannot become an account. */
export const REQUIRED: readonly ColumnKey[] = [
  'accountNo',
  'holderName',
  'address',
  'buildingUnit',
  'station',
  'buildingArea',
  'usableArea',
  'tariffCode',
];

export type RawRow = Record<ColumnKey, string>;

export function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .replace(/／/g, '/')
    .replace(/[\s\u3000]/g, '');
}

/**
 * Which position each column sits at. Every column must be present (blank cells are fine): a
 * file with a column missing or misspelt is refused as a whole, naming the columns.
 */
export function locateColumns(header: readonly string[]): { ok: true; index: Record<ColumnKey, number> } | { ok: false; missing: string[] } {
  const positions = new Map(header.map((h, i) => [normalizeHeader(h), i]));
  const index = {} as Record<ColumnKey, number>;
  const missing: string[] = [];
  for (const key of COLUMN_KEYS) {
    const at = positions.get(normalizeHeader(COLUMNS[key]));
    if (at === undefined) missing.push(COLUMNS[key]);
    else index[key] = at;
  }
  return missing.length ? { ok: false, missing } : { ok: true, index };
}

export function pickRow(cells: readonly string[], index: Record<ColumnKey, number>): RawRow {
  const row = {} as RawRow;
  for (const key of COLUMN_KEYS) row[key] = cells[index[key]] ?? '';
  return row;
}
