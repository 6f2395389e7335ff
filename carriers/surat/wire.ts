/**
 * Sürat's REST `KargoTakipHareketDetayi` answer (research carriers-tr.md §5 "Response JSON", [M]).
 * Only the fields shipwatch reads are kept; zod strips the rest, including personal ones such as
 * `TeslimAlan` (who signed). Codes may arrive as string or number [M], free text may be null.
 */
import { z } from 'zod';

const text = z.string().nullish();
/** `KargonunDurumuSayi` and friends: "6" in one source, 6 in another. */
const code = z.union([z.string(), z.number()]).nullish();

export const suratMovementSchema = z.object({
  HareketObjId: code,
  IslemSubesi: text,
  IslemSureci: text,
  Aciklama: text,
  // Read as text: an unreadable date fails only its own number, in parse.ts.
  IslemTarihi: z.string(),
  HareketYeri: text,
  Islem: text,
  KargoHareketKargonunDurumuSayi: code,
});
export type SuratMovement = z.infer<typeof suratMovementSchema>;

export const suratShipmentSchema = z.object({
  KargoTakipNo: code,
  WebSiparisKodu: text,
  OzelKargoTakipNo: text,
  PlanlananTeslimTarihi: text,
  KargonunBulunduguYer: text,
  SonHareketTarihi: text,
  KargonunDurumu: text,
  KargonunDurumuSayi: code,
  /** "Evet" | "Hayır": the only trustworthy return signal (research §5 "Live anomalies"). */
  IadeDurum: text,
  IadeAciklama: text,
  Hareketler: z.array(suratMovementSchema).nullish(),
});
export type SuratShipment = z.infer<typeof suratShipmentSchema>;

export const suratTrackResponseSchema = z.object({
  IsError: z.boolean(),
  errorMessage: z.string().nullish(),
  Gonderiler: z.array(suratShipmentSchema).nullish(),
});
export type SuratTrackResponse = z.infer<typeof suratTrackResponseSchema>;

/** Every timestamp format Sürat is seen to send, all Turkey local time without offset (§5 "Dates"). */
export const SURAT_TIME_FORMATS = [
  'd.M.yyyy H:mm:ss',
  'd.M.yyyy H:mm',
  'd.M.yyyy',
  'd/M/yyyy H:mm:ss',
  'd/M/yyyy H:mm',
  'd/M/yyyy',
  // Fractions are padded or cut to milliseconds first (parse.ts): .NET sends `.52` for 520 ms.
  "yyyy-MM-dd'T'HH:mm:ss.SSS",
  "yyyy-MM-dd'T'HH:mm:ss",
  "yyyy-MM-dd'T'HH:mm",
  'yyyy-MM-dd HH:mm:ss',
  'yyyy-MM-dd HH:mm',
] as const;
