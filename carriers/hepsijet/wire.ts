/**
 * HepsiJet's wire format (research carriers-tr.md §6, README.md). Every answer comes in one
 * envelope `{status: "OK" | "FAIL", message, detailStatus?, data}`, and a failure may arrive with
 * HTTP 200 [M: HJ-A, HJ-C]. The tracking answer's shape is seen in one source only (HJ-A), so the
 * schemas require just the fields that source reads and let everything else pass.
 */
import { z } from 'zod';

/** `GET /auth/getToken` with HTTP Basic → `{status:"OK", data:{token}}` [M: HJ-A, HJ-B]. */
export const tokenResponseSchema = z.object({
  status: z.string(),
  message: z.string().nullish(),
  data: z.object({ token: z.string().min(1) }).nullish(),
});

/** `POST /rest/delivery/integration/track` body [1: HJ-A]. */
export interface HepsijetTrackRequest {
  barcodes: string[];
  isTrackAdded: true;
}

export const trackDetailSchema = z.object({
  integrationStatus: z.string().min(1),
  // Read as text: an unreadable date fails only its own number, in parse.ts.
  transactionDate: z.string(),
});
export type HepsijetTrackDetail = z.infer<typeof trackDetailSchema>;

export const trackItemSchema = z.object({
  // Not seen in any source; when the carrier echoes the number, parse.ts checks it.
  customerDeliveryNo: z.string().nullish(),
  integrationStatus: z.string().nullish(),
  trackingUrl: z.string().nullish(),
  details: z.array(trackDetailSchema).nullish(),
});
export type HepsijetTrackItem = z.infer<typeof trackItemSchema>;

export const trackResponseSchema = z.object({
  status: z.enum(['OK', 'FAIL']),
  message: z.string().nullish(),
  detailStatus: z.string().nullish(),
  data: z.array(trackItemSchema).nullish(),
});
export type HepsijetTrackResponse = z.infer<typeof trackResponseSchema>;

/**
 * `transactionDate` has no documented format (research §6: "unknown"; HJ-A hands it to
 * `Date.parse`, which suggests ISO). Offset-less forms are Turkey local time (§0.1); a form with
 * an explicit offset keeps it. Tried in order, the first that reads the whole text wins.
 */
export const HEPSIJET_DATE_FORMATS = [
  "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
  "yyyy-MM-dd'T'HH:mm:ssXXX",
  "yyyy-MM-dd'T'HH:mm:ss.SSS",
  "yyyy-MM-dd'T'HH:mm:ss",
  "yyyy-MM-dd'T'HH:mm",
  'yyyy-MM-dd HH:mm:ss',
  'yyyy-MM-dd HH:mm',
  'dd.MM.yyyy HH:mm:ss',
  'dd.MM.yyyy HH:mm',
  'dd-MM-yyyy HH:mm:ss',
  'dd-MM-yyyy HH:mm',
] as const;
