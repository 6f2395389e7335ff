/**
 * Yurtiçi's `queryShipment` wire format (research carriers-tr.md §1, "Request" and "Response
 * shape"): a document/literal Axis SOAP service whose answer, once parsed by carriers/soap.ts, is
 * plain strings. XML gives one repeated element as an object and several as an array, so lists
 * are normalised with asArray before validation. Fields we do not read are not listed.
 */
import { z } from 'zod';
import { asArray } from '../soap.js';

export const YURTICI_SERVICE_PATH = '/KOPSWebServices/ShippingOrderDispatcherServices';
export const YURTICI_NAMESPACE = 'http://yurticikargo.com.tr/ShippingOrderDispatcherServices';
export const YURTICI_OPERATION = 'queryShipment';

/** keyType 0 = cargoKey (the shop's key), 1 = invoiceKey (research §1 "Request", [M]). */
export const YURTICI_KEY_TYPE_CARGO_KEY = '0';

/** `eventDate`/`deliveryDate`/`documentDate` `yyyyMMdd` + `eventTime`/`deliveryTime` `HHmmss`, Turkey local time. */
export const YURTICI_DATE_TIME_FORMAT = 'yyyyMMddHHmmss';
export const YURTICI_DATE_FORMAT = 'yyyyMMdd';

/** outFlag: 0 at least one key answered, 1 every key failed, 2 unexpected error (research §1 "Not found / errors"). */
export const YURTICI_OUT_FLAG = { ok: '0', allFailed: '1', unexpected: '2' } as const;

/** Per-key errCodes about our request, not about the parcel: 82526 keys missing, 82527 keyType invalid. */
export const YURTICI_REQUEST_ERROR_CODES: readonly string[] = ['82526', '82527'];

/** An element that is absent, empty, or only attributes (xsi:nil="true") reads as undefined. */
function absent(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  return typeof value === 'object' && !Array.isArray(value) && Object.keys(value).every((k) => k.startsWith('@_'));
}
const text = z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v : undefined), z.string().optional());
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => asArray(v).filter((x) => !absent(x)), z.array(item));

export const wireMovementSchema = z.object({
  unitId: text,
  unitName: text,
  eventId: z.string(),
  eventName: text,
  reasonId: text,
  reasonName: text,
  // Read as text: an unreadable date fails only its own key, in parse.ts.
  eventDate: z.string(),
  eventTime: z.string(),
  cityName: text,
  townName: text,
});
export type YurticiWireMovement = z.infer<typeof wireMovementSchema>;

export const wireItemDetailSchema = z.object({
  docId: text,
  trackingUrl: text,
  documentDate: text,
  documentTime: text,
  deliveryDate: text,
  deliveryTime: text,
  departureUnitName: text,
  arrivalUnitName: text,
  deliveryUnitName: text,
  rejectStatus: text,
  rejectStatusExplanation: text,
  returnStatus: text,
  returnStatusExplanation: text,
  returnDeliveryDate: text,
  invDocCargoVOArray: list(wireMovementSchema),
});
export type YurticiWireItemDetail = z.infer<typeof wireItemDetailSchema>;

export const wireDeliveryDetailSchema = z.object({
  cargoKey: text,
  invoiceKey: text,
  operationCode: text,
  operationStatus: text,
  operationMessage: text,
  errCode: text,
  errMessage: text,
  shippingDeliveryItemDetailVO: z.preprocess((v) => (absent(v) ? undefined : v), wireItemDetailSchema.optional()),
});
export type YurticiWireDeliveryDetail = z.infer<typeof wireDeliveryDetailSchema>;

export const wireShippingDeliverySchema = z.object({
  outFlag: z.string(),
  outResult: text,
  count: text,
  shippingDeliveryDetailVO: list(wireDeliveryDetailSchema),
});
export type YurticiWireShippingDelivery = z.infer<typeof wireShippingDeliverySchema>;

/** The SOAP Body of a queryShipment answer (namespace prefixes already removed). */
export const queryShipmentBodySchema = z.object({
  queryShipmentResponse: z.object({ ShippingDeliveryVO: wireShippingDeliverySchema }),
});
