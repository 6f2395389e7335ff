/**
 * 17TRACK API v2.2 wire format, research carriers-global.md §5: paths, header, envelope and error
 * codes [C: v2.2 doc, help.17track.net error table]; the `track_info` shape [S: fixtures and
 * clients, one of them typing every v2.2 field]; the codes after -18019904 (quota, daily limit,
 * no data yet, wrong carrier code) [S: clients copying 17TRACK's full table]. Fields are read
 * loosely: carrier keys arrive as numbers or strings, and most fields may be null.
 */
import { z } from 'zod';

/** Every call is `POST /track/v2.2/<endpoint>` with a JSON array body. */
export const API_PATH = '/track/v2.2';
export const GETTRACKINFO_PATH = `${API_PATH}/gettrackinfo`;
export const REGISTER_PATH = `${API_PATH}/register`;

/** The account's key travels in this header on every call. */
export const TOKEN_HEADER = '17token';

/** Documented numbers per request; -18010014 answers a longer list. */
export const MAX_NUMBERS_PER_REQUEST = 40;

/** Error codes shipwatch reacts to (the rest are reported by number). */
export const ERROR = {
  IP_NOT_ALLOWED: -18010001,
  INVALID_KEY: -18010002,
  INTERNAL: -18010003,
  ACCOUNT_DISABLED: -18010004,
  UNAUTHORIZED: -18010005,
  TOO_MANY_NUMBERS: -18010014,
  ALREADY_REGISTERED: -18019901,
  NOT_REGISTERED: -18019902,
  CARRIER_NOT_DETECTED: -18019903,
  DAILY_LIMIT: -18019907,
  QUOTA_EXHAUSTED: -18019908,
  NO_DATA_YET: -18019909,
  WRONG_CARRIER_CODE: -18019910,
  CARRIER_NOT_SUPPORTED: -18019911,
} as const;

/** One number in a `gettrackinfo` or `register` body; `carrier` is 17TRACK's numeric code. */
export interface TrackItemRequest {
  number: string;
  carrier?: number;
}

/** Text the carrier may send as a number, or the other way round. */
const looseText = z.union([z.string(), z.number()]).transform(String);
const looseInt = z.union([z.number(), z.string()]).transform(Number);
const text = z.string().nullish();

export const errorSchema = z.object({ code: looseInt, message: text });

const addressSchema = z.object({
  country: text,
  state: text,
  city: text,
  street: text,
  postal_code: looseText.nullish(),
});

const timeRawSchema = z.object({ date: text, time: text, timezone: text });

export const eventSchema = z.object({
  /** Local time with the offset 17TRACK worked out (`2022-05-02T14:34:00-04:00`). */
  time_iso: text,
  /** The same instant in UTC (`2022-05-02T18:34:00Z`). */
  time_utc: text,
  /** What the carrier itself sent. */
  time_raw: timeRawSchema.nullish(),
  description: text,
  location: text,
  stage: text,
  sub_status: text,
  address: addressSchema.nullish(),
});
export type TrackEvent = z.infer<typeof eventSchema>;

const providerSchema = z.object({
  provider: z.object({ key: looseText.nullish(), name: text }).nullish(),
  latest_sync_status: text,
  events: z.array(eventSchema).nullish(),
});

const statusSchema = z.object({ status: text, sub_status: text, sub_status_descr: text });

export const trackInfoSchema = z.object({
  latest_status: statusSchema.nullish(),
  time_metrics: z
    .object({
      estimated_delivery_date: z.object({ source: text, from: text, to: text }).nullish(),
    })
    .nullish(),
  /**
   * Documented fields are `risk_factor`, `service_type`, `weight_*`, `pieces`, `customer_number`,
   * `local_*` [S]; none names who signed. `signed_by` / `signer` are read in case 17TRACK adds
   * one [I]. Personal data: never logged.
   */
  misc_info: z.object({ signed_by: text, signer: text }).nullish(),
  tracking: z.object({ providers: z.array(providerSchema).nullish() }).nullish(),
});
export type TrackInfo = z.infer<typeof trackInfoSchema>;

export const acceptedSchema = z.object({
  number: looseText,
  carrier: looseText.nullish(),
  /** Absent in `register` answers, and possibly before 17TRACK's first sync. */
  track_info: trackInfoSchema.nullish(),
});
export type AcceptedItem = z.infer<typeof acceptedSchema>;

export const rejectedSchema = z.object({ number: looseText, error: errorSchema });
export type RejectedItem = z.infer<typeof rejectedSchema>;

/**
 * `{code: 0, data: {accepted, rejected}}`; a request-level failure puts a non-zero `code` and
 * `data.errors[]` instead.
 */
export const envelopeSchema = z.object({
  code: looseInt,
  data: z
    .object({
      accepted: z.array(z.unknown()).nullish(),
      rejected: z.array(z.unknown()).nullish(),
      errors: z.array(errorSchema).nullish(),
    })
    .nullish(),
});
export type Envelope = z.infer<typeof envelopeSchema>;
