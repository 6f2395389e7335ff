/**
 * USPS Tracking API v3 wire format, research carriers-global.md §4: paths and fields from the
 * OpenAPI spec `tracking.yaml` [C], the OAuth body from the official examples README [C], real
 * shapes (booleans as strings, nulls) from karrio's fixture [S]. Fields are read loosely: USPS
 * adds fields without notice, sends strings for booleans and numbers for strings, and the
 * official example even sends `trackingEvents` as a single object.
 */
import { z } from 'zod';

export const USPS_TOKEN_PATH = '/oauth2/v3/token';
export const USPS_TRACK_PATH = '/tracking/v3/tracking';
/** DETAIL carries the coded events; SUMMARY (the default) has only prose lines. */
export const USPS_EXPAND = 'DETAIL';

/** The official README's client-credentials body (JSON, no scope: the app's products decide). */
export interface UspsTokenRequest {
  client_id: string;
  client_secret: string;
  grant_type: 'client_credentials';
}

/** Text the carrier may send as a number, or the other way round. */
const looseText = z.union([z.string(), z.number()]).transform(String);

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().nullish(),
  // A string in the README ("11111"), a number in a real answer (28799, USPS/api-examples#56).
  expires_in: looseText.nullish(),
});

export const trackingEventSchema = z.object({
  eventType: z.string().nullish(),
  eventCode: looseText.nullish(),
  /** Local wall clock, sometimes with a "Z" that lies (research §0.1). */
  eventTimestamp: z.string().nullish(),
  /** UTC. */
  GMTTimestamp: z.string().nullish(),
  /** `-05:00`, or `-7:00` in the spec's example. */
  GMTOffset: z.string().nullish(),
  eventCity: z.string().nullish(),
  eventState: z.string().nullish(),
  eventZIP: looseText.nullish(),
  eventCountry: z.string().nullish(),
  /** Company name when delivered to a company: personal data. */
  firm: z.string().nullish(),
  /** The person who signed for delivery: personal data. */
  name: z.string().nullish(),
  actionCode: looseText.nullish(),
  reasonCode: looseText.nullish(),
});
export type UspsTrackingEvent = z.infer<typeof trackingEventSchema>;

const eventList = z.union([z.array(trackingEventSchema), trackingEventSchema.transform((event) => [event])]);

/** `TrackingDetails` (expand=DETAIL); only what shipwatch reads is named. */
export const trackingDetailsSchema = z.object({
  trackingNumber: z.string().nullish(),
  status: z.string().nullish(),
  statusCategory: z.string().nullish(),
  expectedDeliveryTimeStamp: z.string().nullish(),
  expectedDeliveryDate: z.string().nullish(),
  predictedDeliveryDate: z.string().nullish(),
  predictedDeliveryTimeStamp: z.string().nullish(),
  guaranteedDeliveryTimeStamp: z.string().nullish(),
  guaranteedDeliveryDate: z.string().nullish(),
  trackingEvents: eventList,
});
export type UspsTrackingDetails = z.infer<typeof trackingDetailsSchema>;

/** `ErrorMessage` of the spec, for 400/401/403/404/429/503 and now and then an HTTP 200. */
export const errorMessageSchema = z.object({
  apiVersion: z.string().nullish(),
  error: z.object({
    code: looseText.nullish(),
    message: z.string().nullish(),
    errors: z
      .array(
        z.object({
          status: looseText.nullish(),
          code: looseText.nullish(),
          title: z.string().nullish(),
          detail: z.string().nullish(),
        }),
      )
      .nullish(),
  }),
});
export type UspsErrorMessage = z.infer<typeof errorMessageSchema>;

/**
 * USPS's internal code for an unknown tracking number, sent with HTTP 400 (USPS Error Inventory,
 * Tracking sheet, as quoted by a third-party client [S]; the workbook itself was not read).
 */
export const USPS_UNKNOWN_NUMBER_CODE = '150002';

/**
 * Words of a not-found answer: the 404 text "Tracking is not available for this item…"
 * (USPS/api-examples#102 [S]) and generic "not found" / "no record".
 */
const NOT_FOUND_TEXT = /not available for this item|not found|no record/i;

/** Whether an error object says the number is unknown (and not that anything else went wrong). */
export function saysUnknownNumber(body: UspsErrorMessage): boolean {
  const { error } = body;
  const codes = [error.code, ...(error.errors ?? []).flatMap((e) => [e.code, e.status])];
  if (codes.some((code) => code === USPS_UNKNOWN_NUMBER_CODE || code === '404')) return true;
  const texts = [error.message, ...(error.errors ?? []).flatMap((e) => [e.title, e.detail])];
  return texts.some((text) => text !== null && text !== undefined && NOT_FOUND_TEXT.test(text));
}
