/**
 * DHL Shipment Tracking – Unified wire format, research carriers-global.md §1: the spec copy
 * "Unified Shipment Tracking API 1.5.6" [C: DHLTS] and karrio's sample [S]. Only the fields
 * shipwatch reads are declared (zod drops the rest: receiver, sender, references… hold personal
 * data we do not need). Read loosely where the samples disagree with the spec: `id` arrives as a
 * number in karrio's sample, and `statusCode` is missing from one third-party capture.
 */
import { z } from 'zod';

export const DHL_TRACK_PATH = '/track/shipments';

/**
 * The `service` values the spec enumerates (DHLTS enum `Service`). DHL validates the parameter
 * against this list, so anything else is never sent (see client.ts).
 */
export const DHL_SERVICES = [
  'dgf',
  'dsc',
  'ecommerce',
  'ecommerce-apac',
  'ecommerce-europe',
  'ecommerce-ppl',
  'ecommerce-iberia',
  'express',
  'freight',
  'parcel-de',
  'parcel-nl',
  'parcel-pl',
  'parcel-uk',
  'post-de',
  'post-international',
  'sameday',
  'svb',
] as const;
export type DhlService = (typeof DHL_SERVICES)[number];

/** Text the carrier may send as a number. */
const looseText = z.union([z.string(), z.number()]).transform(String);

const addressSchema = z.object({
  addressLocality: z.string().nullish(),
  countryCode: z.string().nullish(),
  postalCode: z.string().nullish(),
});

const placeSchema = z.object({
  address: addressSchema.nullish(),
  servicePoint: z.object({ label: z.string().nullish(), url: z.string().nullish() }).nullish(),
});

/** `TrackingShipmentStatus`, also the shape of every event (DHLTS). */
export const dhlEventSchema = z.object({
  timestamp: z.string(),
  location: placeSchema.nullish(),
  statusCode: z.string().nullish(),
  status: z.string().nullish(),
  description: z.string().nullish(),
});
export type DhlEvent = z.infer<typeof dhlEventSchema>;

const personSchema = z.object({
  givenName: z.string().nullish(),
  familyName: z.string().nullish(),
  name: z.string().nullish(),
  organizationName: z.string().nullish(),
});

export const dhlShipmentSchema = z.object({
  id: looseText,
  service: z.string().nullish(),
  status: dhlEventSchema.nullish(),
  estimatedTimeOfDelivery: z.string().nullish(),
  estimatedDeliveryTimeFrame: z
    .object({ estimatedFrom: z.string().nullish(), estimatedThrough: z.string().nullish() })
    .nullish(),
  details: z
    .object({
      proofOfDelivery: z
        .object({
          signatureUrl: z.string().nullish(),
          signed: personSchema.nullish(),
        })
        .nullish(),
    })
    .nullish(),
  events: z.array(dhlEventSchema).nullish(),
});
export type DhlShipment = z.infer<typeof dhlShipmentSchema>;

/**
 * `TrackingShipments`. Each shipment is validated only once it is the one asked for: another
 * division's shipment in the same answer must not fail ours. `shipments` is optional in the spec,
 * but a 200 without it tells us nothing, so it is required here.
 */
export const dhlTrackResponseSchema = z.object({
  shipments: z.array(z.unknown()),
});

/** Enough of a shipment to tell whether it is the one asked for. */
export const dhlShipmentIdSchema = z.object({ id: looseText, service: z.string().nullish() });

/** RFC 7807-like `ProblemDetail` (DHLTS): what a documented 404 carries. */
export const dhlProblemSchema = z
  .object({
    title: z.string().nullish(),
    detail: z.string().nullish(),
    status: looseText.nullish(),
    instance: z.string().nullish(),
    type: z.string().nullish(),
  })
  .refine((p) => Boolean(p.title ?? p.detail ?? p.status), 'not a problem detail');
