/**
 * Kolay Gelsin's wire format for `GetCorporateShipmentsStatus` (research §8; KG-DOC api-docs.md
 * "GÖNDERİ DURUM / TARİHÇE SORGULAMA" and swagger.json). Every answer is the common envelope
 * `{ Source, Target, …, Payload, ResultCode, ResultMessage }`; only Payload, ResultCode and
 * ResultMessage carry meaning. Fields we do not use (coordinates, courier name, plate, receiver
 * name…) are stripped by the schemas, so personal data never travels further than this file.
 */
import { z } from 'zod';

export const KOLAYGELSIN_TRACK_PATH = '/api/request/GetCorporateShipmentsStatus';

/** ResultCode of a successful answer; numbers arrive as floats (`200.0`), sometimes as text. */
export const KOLAYGELSIN_OK_RESULT = 200;

/** The documented message when the shop has no webhook set up with Kolay Gelsin [V]. */
export const KOLAYGELSIN_CUSTOMER_NOT_FOUND = 'CustomerNotFound';

/** Request body: at least one list non-empty; mixed keys are allowed in one call [V]. */
export interface KolayGelsinTrackRequest {
  ShipmentIdList: string[];
  CustomerSpecificCodeList: string[];
  CustomerBarcodeList: string[];
  CustomerTrackingIdList: string[];
  /** false: the whole history, not only the latest event. */
  OnlyLatestEvents: boolean;
}

/** Identifiers are documented as strings; ShipmentId is numeric in examples, so accept both. */
const identifier = z
  .union([z.string(), z.number().int().nonnegative()])
  .transform((v) => String(v).trim())
  .nullish();

export const wireEventSchema = z.object({
  CargoEventType: z.union([z.number().int(), z.string().trim().min(1)]).transform((v) => String(v)),
  /**
   * Not in the documented event log (research §8): OMNI-KG reads `TimeStamp`, and the webhook sends
   * the same field as ISO 8601 with offset. Kept as text so an unreadable time fails only its number.
   */
  TimeStamp: z.string().nullish(),
  LocationName: z.string().nullish(),
  /** Not documented either; OMNI-KG reads it [1]. Used verbatim when present. */
  EventDescription: z.string().nullish(),
});
export type KolayGelsinWireEvent = z.infer<typeof wireEventSchema>;

export const shipmentModelSchema = z.object({
  ShipmentId: identifier,
  ShipmentItemId: identifier,
  CustomerTrackingId: identifier,
  CustomerBarcode: identifier,
  CustomerSpecificCode: identifier,
  CargoEventLogModelList: z.array(wireEventSchema).nullish(),
});
export type KolayGelsinShipmentModel = z.infer<typeof shipmentModelSchema>;

export const envelopeSchema = z.object({
  ResultCode: z.union([z.number(), z.string().trim().regex(/^\d+(\.\d+)?$/).transform(Number)]),
  ResultMessage: z.string().nullish(),
  Payload: z.unknown().optional(),
});
export type KolayGelsinEnvelope = z.infer<typeof envelopeSchema>;

export const trackPayloadSchema = z.object({
  ShipmentModelList: z.array(shipmentModelSchema).nullish(),
});
export type KolayGelsinTrackPayload = z.infer<typeof trackPayloadSchema>;
