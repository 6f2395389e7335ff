/**
 * MNG REST (API Zone) wire format, research carriers-tr.md §3a. Paths, headers and field names are
 * [M]; the event schema and status codes are [1] (MNG-OAS, id 53548215011). Fields are read as
 * loosely as the sources allow (numbers may arrive as strings and the other way round); an
 * unreadable date fails only its own number, in parse.ts.
 */
import { z } from 'zod';

export const MNG_TOKEN_PATH = '/mngapi/api/token';
export const MNG_TRACK_BY_REFERENCE_PATH = '/mngapi/api/standardqueryapi/trackshipment';
export const MNG_TRACK_BY_SHIPMENT_ID_PATH = '/mngapi/api/standardqueryapi/trackshipmentByShipmentId';

/** `identityType` is a protocol constant (1 = customer), research §3a. */
export const MNG_IDENTITY_TYPE = 1;

/** Event times: local Turkey time, no offset (research §3a, §0.1). Tried in this order. */
export const MNG_EVENT_TIME_FORMATS = [
  'dd-MM-yyyy HH:mm',
  'dd-MM-yyyy HH:mm:ss',
  'dd.MM.yyyy HH:mm:ss',
  'dd.MM.yyyy HH:mm',
  "yyyy-MM-dd'T'HH:mm:ss",
  "yyyy-MM-dd'T'HH:mm:ss.SSS",
  "yyyy-MM-dd'T'HH:mm:ssXXX",
  "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
] as const;

export interface MngTokenRequest {
  customerNumber: string;
  password: string;
  identityType: typeof MNG_IDENTITY_TYPE;
}

export const tokenResponseSchema = z.object({
  jwt: z.string().min(1),
  refreshToken: z.string().nullish(),
  jwtExpireDate: z.string().nullish(),
  refreshTokenExpireDate: z.string().nullish(),
});

/** Text the carrier may send as a number. */
const looseText = z.union([z.string(), z.number()]).transform(String);

export const trackEventSchema = z.object({
  referenceId: looseText.nullish(),
  shipmentId: looseText.nullish(),
  eventSequence: looseText.nullish(),
  eventStatus: looseText,
  eventStatusEn: z.string().nullish(),
  eventDateTime: z.string(),
  eventDateTimeFormat: z.string().nullish(),
  eventDateTimezone: z.string().nullish(),
  location: z.string().nullish(),
  country: z.string().nullish(),
  locationAddress: z.string().nullish(),
  locationPhone: z.string().nullish(),
  deliveryDateTime: z.string().nullish(),
  deliveryTo: z.string().nullish(),
  description: z.string().nullish(),
  pieceTotal: looseText.nullish(),
});
export type MngTrackEvent = z.infer<typeof trackEventSchema>;

/** `trackshipment` answers with the cumulative list of a shipment's events. */
export const trackResponseSchema = z.array(trackEventSchema);

/** `{error:{…}}` bodies of 400/500 answers, sometimes sent with HTTP 200 (research §3a [M]). */
export const errorBodySchema = z.object({
  error: z.object({
    code: looseText.nullish(),
    Code: looseText.nullish(),
    description: z.string().nullish(),
    Description: z.string().nullish(),
    message: z.string().nullish(),
  }),
});

/** IBM API Connect gateway errors (research §3a [M]). */
export const gatewayErrorSchema = z.object({
  httpCode: looseText,
  httpMessage: z.string().nullish(),
  moreInformation: z.string().nullish(),
});
