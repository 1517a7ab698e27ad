import { describe, expect, it } from 'vitest';
import { parseComplaintPromise } from '@/lib/complaints/promise';
import { deadlinesFrom, inSeasonStart, nextClock, runningClocks, seasonStartFor, type ClockInput } from '@/lib/complaints/sla';

// Instants are written in Beijing time (+08:00), as the rules are stated.
const at = (text: string) => new Date(`${text}+08:00`);
const HARBIN = parseComplaintPromise({ seasonStart: '10-20' });
const JINAN = parseComplaintPromise({ seasonStart: '11-15', firstResponseHours: 1, firstResponseHoursSeasonStart: 3 });

describe('season start', () => {
  it.each([
    ['2026-10-20T00:00:00', '2026-10-20T00:00:00'],
    ['2026-10-19T23:59:59', '2025-10-20T00:00:00'],
    ['2027-03-01T12:00:00', '2026-10-20T00:00:00'],
    ['2026-12-31T23:59:00', '2026-10-20T00:00:00'],
  ])('a moment at %s belongs to the season that began %s', (moment, start) => {
    expect(seasonStartFor(at(moment), HARBIN)).toEqual(at(start));
  });

  it.each([
    // first 10 Shanghai calendar days: 10-20 … 10-29 inclusive
    ['2026-10-20T00:00:00', true],
    ['2026-10-29T23:59:59', true],
    ['2026-10-30T00:00:00', false],
    ['2026-11-25T10:00:00', false],
    ['2026-10-19T23:00:00', false],
  ])('%s is in the first ten days of the Harbin season: %s', (moment, expected) => {
    expect(inSeasonStart(at(moment), HARBIN)).toBe(expected);
  });

  it('uses Shanghai midnight, not UTC midnight', () => {
    // 2026-10-19T20:00Z is already 10-20 04:00 in Harbin.
    expect(inSeasonStart(new Date('2026-10-19T20:00:00Z'), HARBIN)).toBe(true);
    expect(inSeasonStart(new Date('2026-10-19T15:59:00Z'), HARBIN)).toBe(false);
  });
});

describe('deadlines from filing', () => {
  it.each([
    // promise, filed, response due, temperature due, fix due
    [HARBIN, '2026-11-25T10:00:00', '2026-11-25T12:00:00', '2026-11-26T10:00:00', '2026-11-27T10:00:00'],
    [HARBIN, '2026-10-21T22:30:00', '2026-10-22T03:30:00', '2026-10-22T22:30:00', '2026-10-23T22:30:00'],
    [HARBIN, '2026-10-29T23:00:00', '2026-10-30T04:00:00', '2026-10-30T23:00:00', '2026-10-31T23:00:00'],
    [HARBIN, '2026-10-30T00:00:00', '2026-10-30T02:00:00', '2026-10-31T00:00:00', '2026-11-01T00:00:00'],
    [JINAN, '2026-11-16T09:00:00', '2026-11-16T12:00:00', '2026-11-17T09:00:00', '2026-11-18T09:00:00'],
    [JINAN, '2026-11-25T09:00:00', '2026-11-25T10:00:00', '2026-11-26T09:00:00', '2026-11-27T09:00:00'],
  ])('%#: filed %s', (promise, filed, response, temperature, fix) => {
    expect(deadlinesFrom(at(filed), promise)).toEqual({
      responseDueAt: at(response),
      temperatureDueAt: at(temperature),
      fixDueAt: at(fix),
    });
  });

  it('honours a utility that promises other hours', () => {
    const fast = parseComplaintPromise({ firstResponseHours: 1, temperatureTestHours: 12, fixHours: 24, seasonStart: '11-01' });
    expect(deadlinesFrom(at('2026-12-01T08:00:00'), fast)).toEqual({
      responseDueAt: at('2026-12-01T09:00:00'),
      temperatureDueAt: at('2026-12-01T20:00:00'),
      fixDueAt: at('2026-12-02T08:00:00'),
    });
  });

  it('refuses a malformed promise instead of guessing', () => {
    expect(() => parseComplaintPromise({ firstResponseHours: -1 })).toThrow(/firstResponseHours/);
    expect(() => parseComplaintPromise({ seasonStart: '13-01' })).toThrow(/seasonStart/);
  });
});

describe('clocks', () => {
  const filed = at('2026-11-25T10:00:00');
  const order: ClockInput = {
    startedAt: filed,
    ...deadlinesFrom(filed, HARBIN),
    respondedAt: null,
    temperatureTestedAt: null,
    resolvedAt: null,
  };

  it.each([
    // now, clock, status, minutes left — the response window is 120 min, escalation at 25 % (30 min)
    ['2026-11-25T10:00:00', 'response', 'running', 120],
    ['2026-11-25T11:29:00', 'response', 'running', 31],
    ['2026-11-25T11:30:00', 'response', 'due_soon', 30],
    ['2026-11-25T12:00:00', 'response', 'due_soon', 0],
    ['2026-11-25T12:01:00', 'response', 'breached', -1],
  ] as const)('at %s the %s clock is %s', (now, clock, status, minutes) => {
    const next = nextClock(order, at(now), HARBIN);
    expect(next).toMatchObject({ clock, status });
    expect(next!.msLeft).toBe(minutes * 60_000);
  });

  it('moves on to the temperature clock once the resident had an answer', () => {
    const answered = { ...order, respondedAt: at('2026-11-25T10:30:00') };
    expect(nextClock(answered, at('2026-11-26T03:59:00'), HARBIN)).toMatchObject({ clock: 'temperature', status: 'running' });
    // 24 h window, 25 % = 6 h before 11-26 10:00
    expect(nextClock(answered, at('2026-11-26T04:00:00'), HARBIN)).toMatchObject({ clock: 'temperature', status: 'due_soon' });
  });

  it('lists every unmet clock that ran out, and none once resolved', () => {
    const late = at('2026-11-28T00:00:00');
    expect(runningClocks(order, late, HARBIN).map((c) => [c.clock, c.status])).toEqual([
      ['response', 'breached'],
      ['temperature', 'breached'],
      ['fix', 'breached'],
    ]);
    expect(runningClocks({ ...order, resolvedAt: late }, late, HARBIN)).toEqual([]);
  });
});
