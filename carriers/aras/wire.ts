/**
 * Aras' query wire format (research §2 "Response"): `GetQueryJSONResult` is a JSON string inside
 * the SOAP body, `{"QueryResult":{"Cargo":[…]}}`, where `Cargo` may be one object instead of an
 * array and `QueryResult: null` means nothing found. Real answers use upper-snake ASCII keys
 * (`DURUM_KODU`); the PDF lists spaced Turkish labels (`KARGO TAKİP NO`): both are read by folding
 * keys to one form.
 */
import { z } from 'zod';

export const ARAS_NAMESPACE = 'http://tempuri.org/';
export const ARAS_OPERATION = 'GetQueryJSON';
export const ARAS_SOAP_ACTION = 'http://tempuri.org/IArasCargoIntegrationService/GetQueryJSON';

/** QueryType 39: cargo status by integration code (MÖK), comma-separated batch, adds ISLEM_TARIHI and devir fields. */
export const ARAS_QUERY_BY_REFERENCE = '39';
/** QueryType 14: cargo status by Aras tracking number; the documentation says comma-separated batch. */
export const ARAS_QUERY_BY_TRACKING_NUMBER = '14';

/** Not documented: a conservative batch size so the comma list stays short [I]. */
export const ARAS_MAX_BATCH = 20;
/** Integration codes are at most 32 characters [V]. */
export const ARAS_MAX_REFERENCE_LENGTH = 32;

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const cargoRecord = z.record(z.string(), scalar);
export type ArasWireCargo = z.infer<typeof cargoRecord>;

export const queryResultSchema = z.object({
  QueryResult: z.union([
    z.null(),
    z.object({ Cargo: z.union([cargoRecord, z.array(cargoRecord), z.null()]).optional() }),
  ]),
});
export type ArasQueryResult = z.infer<typeof queryResultSchema>;

/** The fields the adapter reads, after key folding (see foldKey). */
export const ARAS_FIELDS = {
  reference: 'MUSTERI_OZEL_KODU',
  trackingNumber: 'KARGO_TAKIP_NO',
  status: 'DURUM_KODU',
  statusText: 'DURUMU',
  statusTextEn: 'DURUM_EN',
  type: 'TIP_KODU',
  carryOver: 'DEVIR_KODU',
  lastEventTime: 'ISLEM_TARIHI',
  deliveryDate: 'TESLIM_TARIHI',
  deliveryTime: 'TESLIM_SAATI',
  receivedBy: 'TESLIM_ALAN',
  unit: 'BIRIM',
} as const;

const TURKISH_TO_ASCII: Readonly<Record<string, string>> = { Ç: 'C', Ğ: 'G', İ: 'I', I: 'I', Ö: 'O', Ş: 'S', Ü: 'U' };

/** `KARGO TAKİP NO`, `Kargo Takip No` and `KARGO_TAKIP_NO` all become `KARGO_TAKIP_NO`. */
export function foldKey(key: string): string {
  return key
    .trim()
    .toLocaleUpperCase('tr-TR')
    .replace(/[ÇĞİÖŞÜ]/g, (c) => TURKISH_TO_ASCII[c] ?? c)
    .replace(/[\s.-]+/g, '_');
}

/**
 * Timestamps are Turkey local time without offset: ISLEM_TARIHI is ISO-like (OTR reads it with
 * fromisoformat [1]); other forms seen in Aras material are accepted too. Never Date.parse.
 */
export const ARAS_EVENT_TIME_FORMATS = [
  "yyyy-MM-dd'T'HH:mm:ss",
  "yyyy-MM-dd'T'HH:mm:ss.SSS",
  "yyyy-MM-dd'T'HH:mm",
  'yyyy-MM-dd HH:mm:ss',
  'dd.MM.yyyy HH:mm:ss',
  'dd.MM.yyyy HH:mm',
  'dd-MM-yyyy HH:mm:ss',
  'dd-MM-yyyy HH:mm',
] as const;
