/**
 * The sandbox carrier's wire format (documented in README.md). Field names are English, codes and
 * messages Turkish. The server builds its answers from these types and the adapter validates what it
 * receives with these schemas, so both sides speak one vocabulary.
 */
import { z } from 'zod';

export const SANDBOX_MAX_BATCH = 50;

/** `dd.MM.yyyy HH:mm`, Europe/Istanbul local time, no offset. */
export const SANDBOX_EVENT_DATE_FORMAT = 'dd.MM.yyyy HH:mm';
/** `dd.MM.yyyy`, a calendar day in Istanbul. */
export const SANDBOX_DAY_FORMAT = 'dd.MM.yyyy';
export const SANDBOX_TIME_ZONE = 'Europe/Istanbul';

const identifiers = z.array(z.string().min(1).max(64)).min(1).max(SANDBOX_MAX_BATCH);

export const trackRequestSchema = z.union([
  z.strictObject({ trackingNumbers: identifiers }),
  z.strictObject({ references: identifiers }),
]);
export type SandboxTrackRequest = z.infer<typeof trackRequestSchema>;

export const registerShipmentRequestSchema = z.strictObject({
  trackingNumber: z.string().min(1),
  reference: z.string().min(1).max(64).optional(),
  createdAt: z.iso.datetime({ offset: true }).optional(),
});

export const wireEventSchema = z.object({
  code: z.string().min(1),
  description: z.string(),
  // Read as text: an unreadable date fails only its own number, in parse.ts.
  date: z.string(),
  city: z.string(),
  district: z.string().optional(),
});
export type SandboxWireEvent = z.infer<typeof wireEventSchema>;

export const wireErrorSchema = z.object({ code: z.string().min(1), message: z.string() });

export const trackResultSchema = z.discriminatedUnion('found', [
  z.object({
    number: z.string(),
    found: z.literal(true),
    trackingNumber: z.string(),
    reference: z.string().optional(),
    events: z.array(wireEventSchema),
    estimatedDelivery: z.string().regex(/^\d{2}\.\d{2}\.\d{4}$/).optional(),
  }),
  z.object({ number: z.string(), found: z.literal(false), error: wireErrorSchema }),
]);
export type SandboxTrackResult = z.infer<typeof trackResultSchema>;

export const trackResponseSchema = z.object({ results: z.array(trackResultSchema) });
export type SandboxTrackResponse = z.infer<typeof trackResponseSchema>;

/** The body of every request-level error (401, 400, 429, 500). */
export const errorBodySchema = z.object({ error: wireErrorSchema });
export type SandboxErrorBody = z.infer<typeof errorBodySchema>;

export const SANDBOX_ERROR_CODES = {
  unauthorised: 'YETKISIZ',
  badRequest: 'GECERSIZ_ISTEK',
  notFound: 'BULUNAMADI',
  conflict: 'ZATEN_KAYITLI',
  rateLimited: 'COK_FAZLA_ISTEK',
  serverError: 'SUNUCU_HATASI',
} as const;
