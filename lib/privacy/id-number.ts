/**
 * 居民身份证号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence,
 * and an ISO 7064 MOD 11-2 check character (0–9 or X). Legacy 15-digit numbers (no century,
 * no check character) are upgraded to 18 the way the standard describes.
 */
export type IdNumberProblem = 'empty' | 'length' | 'characters' | 'region' | 'birth_date' | 'check_digit';

export type IdNumberResult =
  | { ok: true; value: string; fixes: IdNumberFix[] }
  | { ok: false; problem: IdNumberProblem };

export type IdNumberFix = 'spacing' | 'full_width' | 'lower_x' | 'upgraded_15';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/**
 * Province-level codes (first two digits) in use: 11–15 north, 21–23 north-east, 31–37 east,
 * 41–46 south-central, 50–54 south-west, 61–65 north-west, 71 Taiwan, 81–82 Hong Kong/Macao.
 */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64,
  65, 71, 81, 82,
]);

/** The MOD 11-2 check character of the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function plausibleRegion(code: string): boolean {
  if (!PROVINCES.has(Number(code.slice(0, 2)))) return false;
  // A city code of 00 only exists for the province itself, never on a person's number, except
  // for the special regions (71, 81, 82) whose numbers use 0000.
  const province = Number(code.slice(0, 2));
  return province >= 71 || code.slice(2, 4) !== '00';
}

function realDate(yyyymmdd: string, today: Date): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1880) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return date.getTime() <= today.getTime();
}

function toHalfWidth(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Checks and normalises an ID number as typed in a legacy system. `today` bounds the birth date
 * (nobody is born in the future); it is a parameter so results never depend on the clock.
 */
export function parseIdNumber(input: string, today: Date): IdNumberResult {
  const fixes: IdNumberFix[] = [];
  // Surrounding blanks are not a fix worth reporting; blanks or dashes inside the number are.
  let s = input.trim().replace(/[\s\u3000-]/g, '');
  if (s !== input.trim()) fixes.push('spacing');
  if (s === '') return { ok: false, problem: 'empty' };
  const half = toHalfWidth(s);
  if (half !== s) fixes.push('full_width');
  s = half;
  if (s.endsWith('x')) {
    s = `${s.slice(0, -1)}X`;
    fixes.push('lower_x');
  }
  if (s.length === 15) {
    if (!/^\d{15}$/.test(s)) return { ok: false, problem: 'characters' };
    // 15-digit numbers (issued before 1999) carry a two-digit year of the 1900s.
    const first17 = `${s.slice(0, 6)}19${s.slice(6)}`;
    const upgraded = parseIdNumber(first17 + idCheckChar(first17), today);
    return upgraded.ok ? { ok: true, value: upgraded.value, fixes: [...fixes, 'upgraded_15'] } : upgraded;
  }
  if (s.length !== 18) return { ok: false, problem: 'length' };
  if (!/^\d{17}[\dX]$/.test(s)) return { ok: false, problem: 'characters' };
  if (!plausibleRegion(s.slice(0, 6))) return { ok: false, problem: 'region' };
  if (!realDate(s.slice(6, 14), today)) return { ok: false, problem: 'birth_date' };
  if (idCheckChar(s.slice(0, 17)) !== s[17]) return { ok: false, problem: 'check_digit' };
  return { ok: true, value: s, fixes };
}

export function isValidIdNumber(input: string, today: Date): boolean {
  const r = parseIdNumber(input, today);
  return r.ok && r.fixes.length === 0;
}
