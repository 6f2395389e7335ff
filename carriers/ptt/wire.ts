/**
 * PTT GonderiTakipV2 on the wire (research carriers-tr.md §4): SOAP 1.2 (Axis2), one parcel per
 * call, credentials inside `input`. The answer's `return` is validated here with zod; every value
 * arrives as text (soap.ts keeps strings), and Axis2 writes an absent value either as an empty
 * element or as `xsi:nil="true"`, both read as "no value".
 */
import { z } from 'zod';
import type { QueryKey } from '../contract.js';

export const PTT_TRACKING_PATH = '/GonderiTakipV2/services/Sorgu';
export const PTT_TEST_TRACKING_PATH = '/GonderiTakipV2Test/services/Sorgu';

/** Two namespaces are seen in the wild [X]; `takip` is the one used with the V2 endpoint in code. */
export const PTT_NAMESPACE = 'http://takip.ptt.gov.tr';
export const PTT_XSD_NAMESPACE = 'http://takip.ptt.gov.tr/xsd';

/** Operation per query key: by barcode, or by the shop's `musteriReferansNo`. */
export const PTT_OPERATIONS: Readonly<Record<QueryKey, 'gonderiSorgu2' | 'gonderiSorgu_referansNo2'>> = {
  trackingNumber: 'gonderiSorgu2',
  reference: 'gonderiSorgu_referansNo2',
};

/** Input element carrying the identifier, per query key. */
export const PTT_KEY_ELEMENT: Readonly<Record<QueryKey, 'barkod' | 'referansNo'>> = {
  trackingNumber: 'barkod',
  reference: 'referansNo',
};

/** `sonucKodu` of a successful answer [1: OMNI-PTT]. */
export const PTT_SUCCESS_CODE = '10';

/** `ITARIH` is seen as `dd/MM/yyyy` and as `yyyyMMdd` [X]; `ISAAT` with or without colons [I]. */
export const PTT_DATE_FORMATS = ['dd/MM/yyyy', 'yyyyMMdd', 'dd.MM.yyyy'] as const;
export const PTT_TIME_FORMATS = ['HH:mm:ss', 'HH:mm', 'HHmmss', 'HHmm'] as const;

/** Text, or nothing for an empty or nil element. */
const optionalText = z.preprocess((value) => {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).every((k) => k.startsWith('@_'))) return undefined;
  return value;
}, z.string().trim().optional());

export const pttMovementSchema = z.object({
  siraNo: optionalText,
  ITARIH: optionalText,
  ISAAT: optionalText,
  IMERK: optionalText,
  ISLEM: optionalText,
  IKODU: optionalText,
  gonderiDurumId: optionalText,
});
export type PttMovement = z.infer<typeof pttMovementSchema>;

/** One element reads as an object and several as an array; absent reads as none. */
const movements = z.preprocess(
  (value) => (value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value]),
  z.array(pttMovementSchema),
);

export const pttReturnSchema = z.object({
  sonucKodu: optionalText,
  sonucAciklama: optionalText,
  BARNO: optionalText,
  TESALAN: optionalText,
  reserve2: optionalText,
  dongu: movements,
});
export type PttReturn = z.infer<typeof pttReturnSchema>;
