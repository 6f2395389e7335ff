import { z } from 'zod';
import { SERVICE_LEVELS } from '../../domain/shipment.js';
import { SHIPMENT_STATUSES } from '../../domain/status.js';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const MAX_BATCH_REGISTRATION = 1000;

export const shipmentInputSchema = z
  .strictObject({
    carrier: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9_]{2,32}$/, 'must be a carrier code such as "sandbox" or "yurtici"')
      .nullish(),
    trackingNumber: text(64).nullish(),
    reference: text(64).nullish(),
    orderId: text(128).nullish(),
    customer: z
      .strictObject({
        name: text(200).nullish(),
        email: z.email('must be an e-mail address').max(254).nullish(),
        phone: z
          .string()
          .trim()
          .regex(/^\+?[0-9 ()-]{5,30}$/, 'must be a phone number')
          .nullish(),
      })
      .nullish(),
    destination: z
      .strictObject({
        city: text(100).nullish(),
        country: z
          .string()
          .regex(/^[A-Za-z]{2}$/, 'must be a two-letter ISO country code such as TR')
          .transform((v) => v.toUpperCase())
          .nullish(),
      })
      .nullish(),
    carrierService: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.-]{1,40}$/, 'must be the carrier\'s service or carrier key, e.g. "express" (DHL) or "100003" (17TRACK)')
      .nullish(),
    serviceLevel: z.enum(SERVICE_LEVELS, { error: `must be one of ${SERVICE_LEVELS.join(', ')}` }).nullish(),
    shippedAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with offset, e.g. 2026-03-01T09:30:00+03:00' }).nullish(),
    promisedBy: z
      .union([z.iso.date(), z.iso.datetime({ offset: true })], {
        error: 'must be a date (YYYY-MM-DD, end of that day in shop time) or an ISO 8601 date-time with offset',
      })
      .nullish(),
    returnRequested: z.boolean({ error: 'must be true or false' }).nullish(),
  })
  .refine((v) => Boolean(v.trackingNumber) || Boolean(v.reference), {
    message: 'a shipment needs a trackingNumber, a reference, or both',
    path: ['trackingNumber'],
  });

export type ShipmentInput = z.output<typeof shipmentInputSchema>;

export const shipmentListQuerySchema = z.strictObject({
  status: z.enum(SHIPMENT_STATUSES, { error: `must be one of ${SHIPMENT_STATUSES.join(', ')}` }).optional(),
  carrier: z.string().trim().toLowerCase().min(1).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(50),
  cursor: z.string().min(1).max(200).optional(),
});
