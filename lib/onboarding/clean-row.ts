import { parseIdNumber, type IdNumberFix } from '@/lib/privacy/id-number';
import { normalizeMobile } from '@/lib/privacy/phone';
import { REQUIRED, type ColumnKey, type RawRow } from './columns';
import { parseYuanToFen, toHalfWidthDigits } from './money';
import type { AccountStatus, FixCode, RejectReason } from './outcomes';

/**
 * Cleaning step 1 (completeness and plausibility) for one row, without I/O: required fields,
 * ID check digit, phone, areas, balance, status. What it changed is listed as fixes; what it
 * cannot accept is a reason. Personal data stays in memory only until it is encrypted.
 */
export interface CleanRow {
  accountNo: string;
  holderName: string;
  idNumber: string | null;
  phone: string | null;
  address: string;
  building: string;
  unit: string;
  station: string;
  buildingAreaM2: string;
  usableAreaM2: string;
  certificateNo: string | null;
  tariffCode: string;
  openingBalanceFen: bigint;
  status: AccountStatus;
  fixes: FixCode[];
}

export type CleanResult =
  | { ok: true; row: CleanRow }
  | { ok: false; reason: RejectReason; fields: ColumnKey[]; fixes: FixCode[] };

/** Homes outside these bounds are typing errors far more often than real (m²). */
export const AREA_MIN_M2 = 5;
export const AREA_MAX_M2 = 1000;
const MAX_TEXT = 200;

const STATUS: Record<string, AccountStatus> = {
  正常: 'ACTIVE', 在用: 'ACTIVE', 供暖: 'ACTIVE', 正常供暖: 'ACTIVE', ACTIVE: 'ACTIVE',
  报停: 'SUSPENDED', 停供: 'SUSPENDED', 停暖: 'SUSPENDED', SUSPENDED: 'SUSPENDED',
  销户: 'CLOSED', 注销: 'CLOSED', 已销户: 'CLOSED', CLOSED: 'CLOSED',
};

const ID_FIX: Record<IdNumberFix, FixCode> = {
  spacing: 'id_spacing',
  full_width: 'id_full_width',
  lower_x: 'id_lower_x',
  upgraded_15: 'id_upgraded_15',
};

function tidy(s: string): string {
  return s.replace(/[\u3000\s]+/g, ' ').trim();
}

type AreaParse = { ok: true; m2: string; cleaned: boolean } | { ok: false; reason: 'area_format' | 'area_implausible' };

function parseArea(input: string): AreaParse {
  const s = toHalfWidthDigits(input.trim()).replace(/\s*(㎡|m²|m2|平方米|平米)$/i, '');
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return { ok: false, reason: 'area_format' };
  const hundredths = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (hundredths < AREA_MIN_M2 * 100 || hundredths > AREA_MAX_M2 * 100) return { ok: false, reason: 'area_implausible' };
  return { ok: true, m2: `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`, cleaned: s !== input.trim() };
}

function hundredthsOf(m2: string): number {
  const [whole, frac] = m2.split('.');
  return Number(whole) * 100 + Number(frac);
}

function parsePhone(input: string): { ok: true; phone: string; cleaned: boolean } | { ok: false } {
  const trimmed = toHalfWidthDigits(input.trim());
  const mobile = normalizeMobile(trimmed);
  if (mobile) return { ok: true, phone: mobile, cleaned: mobile !== input.trim() };
  // Older households often gave a landline: area code and number.
  const landline = trimmed.replace(/[\s\-()（）]/g, '');
  if (/^0\d{2,3}\d{7,8}$/.test(landline)) return { ok: true, phone: landline, cleaned: landline !== input.trim() };
  return { ok: false };
}

function splitBuilding(value: string): { building: string; unit: string } {
  const at = value.search(/[/／]/);
  if (at < 0) return { building: value, unit: '' };
  return { building: value.slice(0, at).trim(), unit: value.slice(at + 1).trim() };
}

export function cleanRow(raw: RawRow, today: Date): CleanResult {
  const fixes: FixCode[] = [];
  const v = {} as RawRow;
  for (const key of Object.keys(raw) as ColumnKey[]) {
    v[key] = tidy(raw[key]);
    if (v[key] !== raw[key].trim() && key !== 'idNumber' && key !== 'phone') fixes.push('whitespace');
  }
  const fail = (reason: RejectReason, fields: ColumnKey[]): CleanResult => ({ ok: false, reason, fields, fixes: [...new Set(fixes)] });

  const missing = REQUIRED.filter((k) => v[k] === '');
  if (missing.length) return fail('missing_required', missing);
  const long = (Object.keys(v) as ColumnKey[]).filter((k) => v[k].length > MAX_TEXT);
  if (long.length) return fail('field_too_long', long);

  let idNumber: string | null = null;
  if (v.idNumber !== '') {
    const id = parseIdNumber(v.idNumber, today);
    if (!id.ok) return fail('id_invalid', ['idNumber']);
    idNumber = id.value;
    fixes.push(...id.fixes.map((f) => ID_FIX[f]));
  }
  let phone: string | null = null;
  if (v.phone !== '') {
    const p = parsePhone(raw.phone);
    if (!p.ok) return fail('phone_invalid', ['phone']);
    phone = p.phone;
    if (p.cleaned) fixes.push('phone_format');
  }
  const building = parseArea(v.buildingArea);
  if (!building.ok) return fail(building.reason, ['buildingArea']);
  const usable = parseArea(v.usableArea);
  if (!usable.ok) return fail(usable.reason, ['usableArea']);
  if (building.cleaned || usable.cleaned) fixes.push('area_unit');
  if (hundredthsOf(usable.m2) > hundredthsOf(building.m2)) return fail('usable_exceeds_building', ['buildingArea', 'usableArea']);

  let openingBalanceFen = 0n;
  if (v.openingBalance === '') {
    fixes.push('balance_blank');
  } else {
    const balance = parseYuanToFen(v.openingBalance);
    if (!balance.ok) return fail('balance_format', ['openingBalance']);
    openingBalanceFen = balance.fen;
    if (balance.cleaned) fixes.push('balance_symbols');
  }

  let status: AccountStatus = 'ACTIVE';
  if (v.status === '') fixes.push('status_blank');
  else {
    const known = STATUS[v.status.toUpperCase()];
    if (!known) return fail('status_unknown', ['status']);
    status = known;
  }

  const { building: buildingName, unit } = splitBuilding(v.buildingUnit);
  return {
    ok: true,
    row: {
      accountNo: v.accountNo,
      holderName: v.holderName,
      idNumber,
      phone,
      address: v.address,
      building: buildingName || v.buildingUnit,
      unit,
      station: v.station,
      buildingAreaM2: building.m2,
      usableAreaM2: usable.m2,
      certificateNo: v.certificateNo === '' ? null : v.certificateNo,
      tariffCode: v.tariffCode,
      openingBalanceFen,
      status,
      fixes: [...new Set(fixes)],
    },
  };
}
