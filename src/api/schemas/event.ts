import { z } from 'zod';
import { SHIPMENT_STATUSES, SUBSTATUSES } from '../../domain/status.js';

/** Statuses a person or a push may report; pending and expired are ours to derive. */
const REPORTABLE = SHIPMENT_STATUSES.filter((s) => s !== 'pending' && s !== 'expired');

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const MAX_EVENTS_PER_REQUEST = 100;

export const manualEventSchema = z
  .strictObject({
    occurredAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with offset, e.g. 2026-03-01T09:30:00+03:00' }),
    status: z.enum(REPORTABLE, { error: `must be one of ${REPORTABLE.join(', ')}` }),
    substatus: z.enum(SUBSTATUSES, { error: 'must be a known substatus such as exception.damaged' }).nullish(),
    description: text(500),
    location: z
      .union([
        text(200),
        z.strictObject({ text: text(200).nullish(), city: text(100).nullish(), country: z.string().regex(/^[A-Za-z]{2}$/, 'must be a two-letter ISO country code').transform((v) => v.toUpperCase()).nullish() }),
      ])
      .nullish(),
  })
  .refine((e) => !e.substatus || e.substatus === 'unmapped' || e.substatus.startsWith(`${e.status}.`), {
    message: 'substatus must belong to the status (e.g. exception.damaged with status exception)',
    path: ['substatus'],
  });

export const manualEventsBodySchema = z.strictObject({
  events: z
    .array(manualEventSchema)
    .min(1, 'must hold at least one event')
    .max(MAX_EVENTS_PER_REQUEST, `must hold at most ${MAX_EVENTS_PER_REQUEST} events`),
});
