import { z } from 'zod';

/** The choices on the filing page, as stored codes (labels are in lib/i18n/complaints.ts). */
export const PROBLEMS = ['NOT_WARM', 'LEAK', 'NO_HEAT', 'OTHER'] as const;
export type Problem = (typeof PROBLEMS)[number];

export const ROOMS = ['living', 'bedroom', 'second_bedroom', 'kitchen', 'bathroom', 'study', 'whole'] as const;
export type Room = (typeof ROOMS)[number];

export const VISIT_SLOTS = ['weekday_morning', 'weekday_afternoon', 'weekday_evening', 'weekend'] as const;
export type VisitSlot = (typeof VISIT_SLOTS)[number];

export const DESCRIPTION_MAX = 2000;

/** Problems that count towards a station outage (a leak in one flat says nothing about the station). */
export const HEAT_PROBLEMS: readonly Problem[] = ['NOT_WARM', 'NO_HEAT'];

/** °C with at most one decimal, as residents read a thermometer; also accepts "16.5度" and "１６". */
export const celsiusText = z
  .string()
  .trim()
  .transform((s) => s.normalize('NFKC').replace(/\s*(°C|℃|度)$/u, ''))
  .pipe(z.string().regex(/^-?\d{1,2}(\.\d)?$/))
  .refine((s) => Number(s) >= -30 && Number(s) <= 45);

export const filingSchema = z.object({
  idempotencyKey: z.uuid(),
  accountId: z.uuid(),
  problem: z.enum(PROBLEMS),
  rooms: z.array(z.enum(ROOMS)).min(1).max(ROOMS.length),
  indoorCelsius: celsiusText.optional(),
  /** YYYY-MM-DD, not in the future (checked against `now` by the domain). */
  sinceDate: z.iso.date().optional(),
  description: z.string().trim().max(DESCRIPTION_MAX),
  contactPhone: z.string(),
  preferredVisits: z.array(z.enum(VISIT_SLOTS)).max(VISIT_SLOTS.length),
});

export type FilingInput = z.infer<typeof filingSchema>;
