import { idCheckChar } from '@/lib/privacy/id-number';
import { COLUMN_KEYS, COLUMNS, type RawRow } from './columns';
import type { FixCode, Outcome, RejectReason } from './outcomes';

/**
 * Legacy account files for tests and benchmarks: plausible households, and in a messy file a
 * fixed cycle of the defects real exports have (missing fields, bad IDs, bad areas, duplicates,
 * unmapped tariff codes, odd formatting), each with the outcome the import must report.
 */
export interface MessyCase {
  name: string;
  expect: { outcome: Outcome; reason?: RejectReason; fixes?: FixCode[] };
  /** `anchor` is the first (clean) row of the same cycle, for duplicates. */
  mutate(row: RawRow, anchor: RawRow): RawRow;
}

export const LEGACY_TARIFF_CODES = ['HB-2019-A', 'HB-2019-B', 'HB-2021', 'HB-DB'] as const;
export const UNMAPPED_CODE = 'OLD-1998';

/** The mapping file matching the generated codes: all to season 2026, HB-DB is 低保. */
export function mappingCsv(season = 2026): string {
  return `旧收费标准代码,暖心供暖季,低保\n${LEGACY_TARIFF_CODES.map((c) => `${c},${season},${c === 'HB-DB' ? '是' : '否'}`).join('\n')}\n`;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱'];
const GIVEN = ['秀兰', '建国', '伟', '丽', '淑珍', '志强', '桂英', '海燕', '军', '玉梅', '德胜', '春华'];
const REGIONS = ['230102', '230103', '230104', '230108', '370102', '370103', '370112'];

/** mulberry32: a small seeded generator, so a file is the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

function idNumber(r: () => number, wantX = false): string {
  for (;;) {
    const year = 1940 + Math.floor(r() * 60);
    const month = 1 + Math.floor(r() * 12);
    const day = 1 + Math.floor(r() * 28);
    const first17 = `${pick(r, REGIONS)}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(Math.floor(r() * 1000)).padStart(3, '0')}`;
    const check = idCheckChar(first17);
    if (!wantX || check === 'X') return first17 + check;
  }
}

export function cleanLegacyRow(i: number, r: () => number): RawRow {
  const building = 1 + (i % 37);
  const unit = 1 + (i % 6);
  const hundredths = 6000 + Math.floor(r() * 8000);
  const usable = Math.floor((hundredths * 4) / 5);
  const fmt = (h: number) => `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;
  const owes = r() < 0.2;
  return {
    accountNo: `LG${String(i).padStart(8, '0')}`,
    holderName: pick(r, SURNAMES) + pick(r, GIVEN),
    idNumber: idNumber(r),
    // 199 and eight digits from the row: unique per row, never a real subscriber in tests.
    phone: `199${String(i).padStart(8, '0')}`,
    address: `哈尔滨市南岗区和兴路${building}号${unit}单元${100 + (i % 30)}室`,
    buildingUnit: `${building}号楼/${unit}单元`,
    station: `和兴${1 + (i % 9)}号站`,
    buildingArea: fmt(hundredths),
    usableArea: fmt(usable),
    certificateNo: `黑(2019)哈尔滨市不动产权第${String(i).padStart(7, '0')}号`,
    tariffCode: pick(r, LEGACY_TARIFF_CODES),
    openingBalance: owes ? fmt(1000 + Math.floor(r() * 300000)) : '0.00',
    status: r() < 0.05 ? '报停' : '正常',
  };
}

export const MESSY_CASES: MessyCase[] = [
  { name: 'clean', expect: { outcome: 'accepted' }, mutate: (row) => row },
  { name: 'same household twice', expect: { outcome: 'merged' }, mutate: (row, a) => ({ ...row, phone: a.phone, certificateNo: a.certificateNo }) },
  { name: 'account number twice', expect: { outcome: 'rejected', reason: 'duplicate_account_no' }, mutate: (row, a) => ({ ...row, accountNo: a.accountNo }) },
  { name: 'holder missing', expect: { outcome: 'rejected', reason: 'missing_required' }, mutate: (row) => ({ ...row, holderName: '' }) },
  {
    name: 'ID check digit wrong',
    expect: { outcome: 'rejected', reason: 'id_invalid' },
    mutate: (row) => ({ ...row, idNumber: row.idNumber.slice(0, 17) + (row.idNumber[17] === '1' ? '2' : '1') }),
  },
  { name: 'ID lower-case x', expect: { outcome: 'fixed', fixes: ['id_lower_x'] }, mutate: (row) => ({ ...row, idNumber: idNumber(seeded(row.accountNo.length), true).toLowerCase() }) },
  { name: '15-digit ID', expect: { outcome: 'fixed', fixes: ['id_upgraded_15'] }, mutate: (row) => ({ ...row, idNumber: row.idNumber.slice(0, 6) + row.idNumber.slice(8, 17) }) },
  { name: 'area zero', expect: { outcome: 'rejected', reason: 'area_implausible' }, mutate: (row) => ({ ...row, buildingArea: '0' }) },
  { name: 'area with unit', expect: { outcome: 'fixed', fixes: ['area_unit'] }, mutate: (row) => ({ ...row, buildingArea: `${row.buildingArea}㎡` }) },
  { name: 'usable above building', expect: { outcome: 'rejected', reason: 'usable_exceeds_building' }, mutate: (row) => ({ ...row, usableArea: '999.00' }) },
  { name: 'phone with +86', expect: { outcome: 'fixed', fixes: ['phone_format'] }, mutate: (row) => ({ ...row, phone: `+86 ${row.phone.slice(0, 3)} ${row.phone.slice(3, 7)} ${row.phone.slice(7)}` }) },
  { name: 'tariff code unmapped', expect: { outcome: 'rejected', reason: 'tariff_unmapped' }, mutate: (row) => ({ ...row, tariffCode: UNMAPPED_CODE }) },
  { name: 'ID missing', expect: { outcome: 'accepted' }, mutate: (row) => ({ ...row, idNumber: '' }) },
  { name: 'balance with yuan sign', expect: { outcome: 'fixed', fixes: ['balance_symbols'] }, mutate: (row) => ({ ...row, openingBalance: '￥1,234.50' }) },
  { name: 'status blank', expect: { outcome: 'fixed', fixes: ['status_blank'] }, mutate: (row) => ({ ...row, status: '' }) },
  { name: 'area not a number', expect: { outcome: 'rejected', reason: 'area_format' }, mutate: (row) => ({ ...row, buildingArea: '八十' }) },
  { name: 'status unknown', expect: { outcome: 'rejected', reason: 'status_unknown' }, mutate: (row) => ({ ...row, status: '拆迁' }) },
  { name: 'usable area missing', expect: { outcome: 'rejected', reason: 'missing_required' }, mutate: (row) => ({ ...row, usableArea: '' }) },
  { name: 'balance three decimals', expect: { outcome: 'rejected', reason: 'balance_format' }, mutate: (row) => ({ ...row, openingBalance: '12.345' }) },
  { name: 'clean owing', expect: { outcome: 'accepted' }, mutate: (row) => ({ ...row, openingBalance: '2400.00' }) },
];

/** Data rows (no header) of a legacy file: clean, or cycling through MESSY_CASES. */
export function* legacyRows(count: number, options: { messy: boolean; seed?: number }): Generator<RawRow> {
  const r = seeded(options.seed ?? 2026);
  let anchor: RawRow | undefined;
  for (let i = 0; i < count; i++) {
    const row = cleanLegacyRow(i, r);
    if (!options.messy) {
      yield row;
      continue;
    }
    const position = i % MESSY_CASES.length;
    if (position === 0 || !anchor) anchor = row;
    yield MESSY_CASES[position]!.mutate(row, anchor);
  }
}

export const LEGACY_HEADER = COLUMN_KEYS.map((k) => COLUMNS[k]);

export function toCells(row: RawRow): string[] {
  return COLUMN_KEYS.map((k) => row[k]);
}
