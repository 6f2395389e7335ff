/**
 * UPS Track API and OAuth client-credentials wire format (research carriers-global.md §2; UPS's
 * own specs `Tracking.yaml` and `OAuthClientCredentials.yaml` in UPS-API/api-documentation [C]).
 * Only the fields shipwatch reads are validated, and loosely: published samples disagree with the
 * spec on types (`suppressionIndicators` and `userRelation` as strings, `gmtTime` as `74700` or
 * `20:04:35`), so a field UPS reshapes must not cost the whole answer.
 */
import { z } from 'zod';

export const UPS_TOKEN_PATH = '/security/v1/oauth/token';
export const UPS_TRACK_PATH = '/api/track/v1/details';

/** Query of every track call: English texts, no signature image (research §2, spec defaults). */
export const UPS_TRACK_QUERY = 'locale=en_US&returnSignature=false';

/** Sent as `transactionSrc`: names the calling application (spec: required header). */
export const UPS_TRANSACTION_SOURCE = 'shipwatch';

/** Warning of an HTTP 200 answer for a number UPS has no data for (research §2, §0.4 [S]). */
export const UPS_NOT_FOUND_WARNING = 'TW0001';

/** Error code of a 400 for a number UPS cannot read ("Invalid inquiry number", research §2 [S]). */
export const UPS_INVALID_NUMBER_ERROR = 'TV1002';

/** Text the carrier may send as a number. */
const looseText = z.union([z.string(), z.number()]).transform(String);

/** `expires_in` is a string of seconds ("14399") by the spec; a number is accepted too. */
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().nullish(),
  expires_in: looseText.nullish(),
  issued_at: looseText.nullish(),
  status: z.string().nullish(),
});

export const statusSchema = z.object({
  type: z.string().nullish(),
  code: z.string().nullish(),
  statusCode: looseText.nullish(),
  description: z.string().nullish(),
  simplifiedTextDescription: z.string().nullish(),
});
export type UpsStatus = z.infer<typeof statusSchema>;

const addressSchema = z.object({
  city: z.string().nullish(),
  stateProvince: z.string().nullish(),
  postalCode: z.string().nullish(),
  country: z.string().nullish(),
  countryCode: z.string().nullish(),
});

export const activitySchema = z.object({
  date: looseText.nullish(),
  time: looseText.nullish(),
  gmtDate: looseText.nullish(),
  gmtTime: looseText.nullish(),
  gmtOffset: z.string().nullish(),
  location: z.object({ address: addressSchema.nullish(), slic: z.string().nullish() }).nullish(),
  status: statusSchema.nullish(),
});
export type UpsActivity = z.infer<typeof activitySchema>;

export const deliveryDateSchema = z.object({ type: z.string().nullish(), date: looseText.nullish() });
export type UpsDeliveryDate = z.infer<typeof deliveryDateSchema>;

export const deliveryTimeSchema = z.object({
  type: z.string().nullish(),
  startTime: looseText.nullish(),
  endTime: looseText.nullish(),
});
export type UpsDeliveryTime = z.infer<typeof deliveryTimeSchema>;

export const packageSchema = z.object({
  trackingNumber: z.string().nullish(),
  activity: z.array(activitySchema).nullish(),
  currentStatus: statusSchema.nullish(),
  deliveryDate: z.array(deliveryDateSchema).nullish(),
  deliveryTime: deliveryTimeSchema.nullish(),
  deliveryInformation: z
    .object({
      receivedBy: z.string().nullish(),
      location: z.string().nullish(),
      signature: z.object({ image: z.string().nullish() }).nullish(),
    })
    .nullish(),
});
export type UpsPackage = z.infer<typeof packageSchema>;

const codeMessageSchema = z.object({ code: looseText.nullish(), message: z.string().nullish() });

export const shipmentSchema = z.object({
  inquiryNumber: z.string().nullish(),
  package: z.array(packageSchema).nullish(),
  warnings: z.array(codeMessageSchema).nullish(),
});
export type UpsShipment = z.infer<typeof shipmentSchema>;

export const trackResponseSchema = z.object({
  trackResponse: z.object({ shipment: z.array(shipmentSchema) }),
});
export type UpsTrackResponse = z.infer<typeof trackResponseSchema>;

/** `{response:{errors:[{code,message}]}}`: the error body of every UPS API (spec `Response`). */
export const errorBodySchema = z.object({
  response: z.object({ errors: z.array(codeMessageSchema).min(1) }),
});
