import { describe, expect, it } from 'vitest';
import { idCheckChar, isValidIdNumber, parseIdNumber } from '@/lib/privacy/id-number';

const TODAY = new Date('2026-11-25T00:00:00Z');

describe('ISO 7064 MOD 11-2 check character', () => {
  it.each([
    // The worked example of GB 11643-1999 itself.
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['23010219900307000', '7'],
    ['23010219800101123', '6'],
    ['11010119900307777', '4'],
    ['11010119900307887', '3'],
    // Weighted sum 0 (all zeros) gives remainder 0 → '1'.
    ['00000000000000000', '1'],
  ])('%s → %s', (first17, check) => {
    expect(idCheckChar(first17)).toBe(check);
  });

  it('changing any one digit changes the check character', () => {
    const base = '11010519491231002';
    for (let i = 0; i < 17; i++) {
      const digit = Number(base[i]);
      const changed = `${base.slice(0, i)}${(digit + 1) % 10}${base.slice(i + 1)}`;
      expect(idCheckChar(changed), `position ${i}`).not.toBe('X');
    }
  });

  it('swapping two adjacent different digits changes the check character', () => {
    expect(idCheckChar('11010519491231002')).not.toBe(idCheckChar('11010519941231002'));
  });
});

describe('parseIdNumber', () => {
  it.each([
    ['11010519491231002X', '11010519491231002X', []],
    ['440524188001010014', '440524188001010014', []],
    ['230102199003070007', '230102199003070007', []],
    ['11010519491231002x', '11010519491231002X', ['lower_x']],
    [' 230102 19900307 0007 ', '230102199003070007', ['spacing']],
    ['２３０１０２１９９００３０７０００７', '230102199003070007', ['full_width']],
    // 15 digits: 1900s year inserted and the check character computed.
    ['110105491231002', '11010519491231002X', ['upgraded_15']],
  ] as const)('accepts %j as %s (fixes %j)', (input, value, fixes) => {
    expect(parseIdNumber(input, TODAY)).toEqual({ ok: true, value, fixes: [...fixes] });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['2301021990030700', 'length'],
    ['2301021990030700071', 'length'],
    ['23010219900307000A', 'characters'],
    ['X30102199003070007', 'characters'],
    ['11010A491231002', 'characters'],
    // Region: 99 is no province; 2300xx is a province code, never a person's.
    ['990102199003070007', 'region'],
    ['230002199003070001', 'region'],
    // Dates that do not exist, or are in the future.
    ['230102199002300007', 'birth_date'],
    ['230102190002290007', 'birth_date'],
    ['230102202712010007', 'birth_date'],
    ['230102187912310007', 'birth_date'],
    // One wrong check character each.
    ['230102199003070008', 'check_digit'],
    ['110105194912310021', 'check_digit'],
    ['440524188001010010', 'check_digit'],
  ] as const)('refuses %j: %s', (input, problem) => {
    expect(parseIdNumber(input, TODAY)).toEqual({ ok: false, problem });
  });

  it('29 February exists only in leap years', () => {
    const leap = `23010220000229001`;
    expect(parseIdNumber(leap + idCheckChar(leap), TODAY).ok).toBe(true);
    const common = `23010220010229001`;
    expect(parseIdNumber(common + idCheckChar(common), TODAY)).toEqual({ ok: false, problem: 'birth_date' });
  });

  it('a birth date of today is accepted, tomorrow is not', () => {
    const today = '23010220261125001';
    const tomorrow = '23010220261126001';
    expect(parseIdNumber(today + idCheckChar(today), TODAY).ok).toBe(true);
    expect(parseIdNumber(tomorrow + idCheckChar(tomorrow), TODAY)).toEqual({ ok: false, problem: 'birth_date' });
  });

  it('isValidIdNumber accepts only numbers that need no fixing', () => {
    expect(isValidIdNumber('11010519491231002X', TODAY)).toBe(true);
    expect(isValidIdNumber('11010519491231002x', TODAY)).toBe(false);
    expect(isValidIdNumber('110105194912310021', TODAY)).toBe(false);
  });
});
