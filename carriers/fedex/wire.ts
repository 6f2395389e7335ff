/**
 * FedEx Track API wire format (research carriers-global.md §3): the OpenAPI spec copy in karrio
 * (`fedex/vendor/track.json`) [C] and real answers in karrio's tests [S]. Nearly every field is
 * optional in practice (karrio's fixtures leave out or empty most of them), so only the fields this
 * adapter reads are declared and each is nullish; an unreadable time fails only its own number,
 * in parse.ts.
 */
import { z } from 'zod';

export const FEDEX_TOKEN_PATH = '/oauth/token';
export const FEDEX_TRACK_PATH = '/track/v1/trackingnumbers';

/** Per-number error for an unknown number [C spec, S karrio fixture]. */
export const FEDEX_NOT_FOUND_CODE = 'TRACKING.TRACKINGNUMBER.NOTFOUND';

/** `POST /oauth/token` answer: `{access_token, token_type:"bearer", expires_in:3599, scope}` [S]. */
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().nullish(),
  // A number in every sample; read a numeric string too (UPS sends one).
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]),
  scope: z.string().nullish(),
});

export interface FedexTrackRequest {
  includeDetailedScans: true;
  trackingInfo: { trackingNumberInfo: { trackingNumber: string; carrierCode?: string } }[];
}

const text = z.string().nullish();

export const errorSchema = z.object({ code: text, message: text });
export type FedexError = z.infer<typeof errorSchema>;

export const scanLocationSchema = z.object({
  city: text,
  stateOrProvinceCode: text,
  postalCode: text,
  countryCode: text,
});

export const scanEventSchema = z.object({
  date: z.string(),
  eventType: text,
  eventDescription: text,
  exceptionCode: text,
  exceptionDescription: text,
  derivedStatusCode: text,
  derivedStatus: text,
  scanLocation: scanLocationSchema.nullish(),
  locationType: text,
});
export type FedexScanEvent = z.infer<typeof scanEventSchema>;

const windowSchema = z.object({ window: z.object({ begins: text, ends: text }).nullish() });

export const trackResultSchema = z.object({
  trackingNumberInfo: z.object({ trackingNumber: text, carrierCode: text, trackingNumberUniqueId: text }).nullish(),
  latestStatusDetail: z.object({ code: text, derivedCode: text, description: text }).nullish(),
  dateAndTimes: z.array(z.object({ type: text, dateTime: text })).nullish(),
  scanEvents: z.array(scanEventSchema).nullish(),
  deliveryDetails: z.object({ receivedByName: text, signedByName: text }).nullish(),
  estimatedDeliveryTimeWindow: windowSchema.nullish(),
  error: errorSchema.nullish(),
});
export type FedexTrackResult = z.infer<typeof trackResultSchema>;

export const completeTrackResultSchema = z.object({
  trackingNumber: text,
  trackResults: z.array(trackResultSchema).nullish(),
});
export type FedexCompleteTrackResult = z.infer<typeof completeTrackResultSchema>;

export const trackResponseSchema = z.object({
  transactionId: text,
  output: z.object({
    completeTrackResults: z.array(completeTrackResultSchema),
    // An array of {code, alertType, message} in the spec, a plain string in one real answer: read both, use neither.
    alerts: z.union([z.string(), z.array(z.unknown())]).nullish(),
  }),
});
export type FedexTrackResponse = z.infer<typeof trackResponseSchema>;

/** Request-level errors: `{transactionId, errors:[{code, message}]}` with HTTP 4xx/5xx, possibly 200 [C]. */
export const errorResponseSchema = z.object({
  transactionId: text,
  errors: z.array(errorSchema).min(1),
});
