/**
 * What each anomaly means to a shop owner, in Turkish and English: a title, what happened, and what
 * to do next. Details come from the rules; every one is optional, and carrier text is untrusted
 * (the templates escape it).
 */
import type { AnomalyCode, AnomalyDetails, Severity } from '../anomalies/types.js';

export type Language = 'tr' | 'en';

type Phrase = Record<Language, string>;

export interface AnomalyCopy {
  title: Phrase;
  /** What happened, in plain words; `d` are the anomaly's details, `when` formats instants. */
  happened: (d: AnomalyDetails, when: (iso: unknown) => string) => Phrase;
  next: Phrase;
}

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

export const SEVERITY_NAMES: Record<Severity, Phrase> = {
  critical: { tr: 'Kritik', en: 'Critical' },
  high: { tr: 'Yüksek', en: 'High' },
  medium: { tr: 'Orta', en: 'Medium' },
};

const DAMAGE_NEXT: Phrase = {
  tr: 'Kargo firmasıyla hasar tutanağı açın ve müşteriye yenisini gönderin.',
  en: 'Open a damage report with the carrier and send the customer a replacement.',
};
const LOST_NEXT: Phrase = {
  tr: 'Kargo firmasına kayıp başvurusu yapın ve müşteriye yenisini gönderin.',
  en: 'File a loss claim with the carrier and send the customer a replacement.',
};

export const ANOMALY_COPY: Record<AnomalyCode, AnomalyCopy> = {
  delivered_without_scan: {
    title: { tr: 'Taranmadan teslim edildi', en: 'Delivered without any scan' },
    happened: (d, when) => ({
      tr: `Kargo firması gönderiyi ${when(d['deliveredAt'])} tarihinde teslim edildi olarak işaretledi, ama yolda hiç taranmadı.`,
      en: `The carrier marked the parcel delivered on ${when(d['deliveredAt'])}, but it was never scanned on its way.`,
    }),
    next: {
      tr: 'Kargo firmasından teslim belgesi isteyin ve müşteriyi arayıp paketi alıp almadığını sorun.',
      en: 'Ask the carrier for proof of delivery and call the customer to check the parcel arrived.',
    },
  },
  status_regression: {
    title: { tr: 'Teslimattan sonra hareket', en: 'Movement after delivery' },
    happened: (d, when) => ({
      tr: `Gönderi ${when(d['deliveredAt'])} tarihinde teslim edildi görünüyordu, ${when(d['movedAt'])} tarihinde yeniden hareket etti.`,
      en: `The parcel showed as delivered on ${when(d['deliveredAt'])} and moved again on ${when(d['movedAt'])}.`,
    }),
    next: { tr: 'Kargo firmasına teslimatın gerçekten yapılıp yapılmadığını sorun.', en: 'Ask the carrier whether it was really delivered.' },
  },
  late: {
    title: { tr: 'Gecikmiş gönderi', en: 'Late parcel' },
    happened: (d, when) => ({
      tr: `Söz verilen teslim zamanı ${when(d['deadline'])} idi; gönderi ${text(d['lateBusinessDays']) || '?'} iş günü gecikmede.`,
      en: `The promised delivery was ${when(d['deadline'])}; the parcel is ${text(d['lateBusinessDays']) || '?'} business days late.`,
    }),
    next: { tr: 'Müşteriye gecikmeyi bildirin ve kargo firmasından bilgi isteyin.', en: 'Tell the customer about the delay and ask the carrier for news.' },
  },
  at_risk: {
    title: { tr: 'Gecikme riski', en: 'At risk of being late' },
    happened: (d, when) =>
      d['reason'] === 'estimate_after_deadline'
        ? {
            tr: `Kargo firmasının tahmini teslim tarihi, söz verilen ${when(d['deadline'])} tarihinden sonra.`,
            en: `The carrier's estimated delivery is after the promised ${when(d['deadline'])}.`,
          }
        : {
            tr: `Söz verilen teslim zamanına (${when(d['deadline'])}) bir iş gününden az kaldı ve gönderi henüz yola çıkmadı.`,
            en: `Less than a business day is left before the promised ${when(d['deadline'])}, and the parcel has not left yet.`,
          },
    next: { tr: 'Müşteriyi önceden bilgilendirin ya da daha hızlı bir gönderim seçin.', en: 'Warn the customer ahead of time or upgrade the shipping.' },
  },
  stalled: {
    title: { tr: 'Hareketsiz gönderi', en: 'Parcel not moving' },
    happened: (d, when) => ({
      tr: `${when(d['since'])} tarihinden beri kargo firmasından yeni bir hareket yok.`,
      en: `No news from the carrier since ${when(d['since'])}.`,
    }),
    next: { tr: 'Kargo firmasına gönderinin nerede olduğunu sorun.', en: 'Ask the carrier where the parcel is.' },
  },
  not_shipped: {
    title: { tr: 'Kargoya verilmedi', en: 'Not handed to the carrier' },
    happened: (d, when) => ({
      tr: `${when(d['since'])} tarihinden beri gönderi kargo firmasında hiç taranmadı.`,
      en: `The carrier has not scanned the parcel since ${when(d['since'])}.`,
    }),
    next: { tr: 'Paketi kargo firmasına teslim edin ya da etiketi kontrol edin.', en: 'Hand the parcel to the carrier or check its label.' },
  },
  delivery_failed: {
    title: { tr: 'Teslimat başarısız', en: 'Delivery attempt failed' },
    happened: (d, when) => ({
      tr: `Kurye ${when(d['attemptedAt'])} tarihinde teslim edemedi: ${text(d['description'])}`,
      en: `The courier could not deliver on ${when(d['attemptedAt'])}: ${text(d['description'])}`,
    }),
    next: { tr: 'Müşteriyle adres ve telefon bilgisini doğrulayın.', en: 'Check the address and phone number with the customer.' },
  },
  awaiting_pickup: {
    title: { tr: 'Şubede bekliyor', en: 'Waiting for pickup' },
    happened: (d, when) => ({
      tr: `Gönderi ${when(d['since'])} tarihinden beri şubede alıcısını bekliyor.`,
      en: `The parcel has been waiting at a branch since ${when(d['since'])}.`,
    }),
    next: {
      tr: 'Müşteriye, iade edilmeden önce paketi şubeden almasını hatırlatın.',
      en: 'Remind the customer to collect it before the branch returns it.',
    },
  },
  exception: {
    title: { tr: 'Gönderide sorun', en: 'Problem with the parcel' },
    happened: (d, when) => ({
      tr: `Kargo firması ${when(d['since'])} tarihinde bir sorun bildirdi: ${text(d['description'])}`,
      en: `The carrier reported a problem on ${when(d['since'])}: ${text(d['description'])}`,
    }),
    next: { tr: 'Kargo firmasıyla görüşüp sorunu çözün ve müşteriyi bilgilendirin.', en: 'Sort the problem out with the carrier and keep the customer informed.' },
  },
  returning: {
    title: { tr: 'İade ediliyor', en: 'Being returned' },
    happened: (d, when) => ({
      tr: `Gönderi ${when(d['since'])} tarihinden beri göndericiye iade ediliyor; iadeyi siz istemediniz.`,
      en: `The parcel has been on its way back to you since ${when(d['since'])}, though you did not ask for a return.`,
    }),
    next: { tr: 'Müşteriyle görüşün; yeniden gönderin ya da ücret iadesi yapın.', en: 'Contact the customer and decide whether to resend or refund.' },
  },
  not_found: {
    title: { tr: 'Takip numarası bulunamıyor', en: 'Tracking number unknown' },
    happened: (d, when) => ({
      tr: `${when(d['since'])} tarihinde kaydedilen numarayı kargo firması hâlâ tanımıyor.`,
      en: `The carrier still does not know the number registered on ${when(d['since'])}.`,
    }),
    next: { tr: 'Takip numarasını ve paketin kargoya verilip verilmediğini kontrol edin.', en: 'Check the tracking number and whether the parcel was handed over.' },
  },
  carrier_unreachable: {
    title: { tr: 'Kargo firmasına ulaşılamıyor', en: 'Carrier unreachable' },
    happened: (d, when) => ({
      tr: `${when(d['since'])} tarihinden beri bu kargo firmasına yapılan ${text(d['failedPolls'])} sorgunun hepsi başarısız oldu.`,
      en: `All ${text(d['failedPolls'])} queries to this carrier have failed since ${when(d['since'])}.`,
    }),
    next: { tr: 'Kargo firmasının servis durumunu ve API bilgilerinizi kontrol edin.', en: "Check the carrier's service status and your API credentials." },
  },
  carrier_drift: {
    title: { tr: 'Kargo firması kodlarını değiştirdi', en: 'Carrier changed its codes' },
    happened: (d) => ({
      tr: `Son ${text(d['events'])} hareketin %${Math.round(Number(d['unmappedShare'] ?? 0) * 100)} kadarı tanınmayan kodlarla geldi.`,
      en: `${Math.round(Number(d['unmappedShare'] ?? 0) * 100)}% of the last ${text(d['events'])} events came with codes we do not know.`,
    }),
    next: { tr: 'Bu kargo firmasının durum eşleme tablosunu güncelleyin.', en: "Update this carrier's status mapping table." },
  },
};

/** Damaged and lost parcels get a more specific title and next step than other exceptions. */
export function titleOf(code: AnomalyCode, details: AnomalyDetails): Phrase {
  if (code === 'exception' && details['substatus'] === 'exception.damaged') return { tr: 'Hasarlı kargo', en: 'Damaged parcel' };
  if (code === 'exception' && details['substatus'] === 'exception.lost') return { tr: 'Kayıp kargo', en: 'Lost parcel' };
  return ANOMALY_COPY[code].title;
}

export function nextStep(code: AnomalyCode, details: AnomalyDetails): Phrase {
  if (code === 'exception' && details['substatus'] === 'exception.damaged') return DAMAGE_NEXT;
  if (code === 'exception' && details['substatus'] === 'exception.lost') return LOST_NEXT;
  return ANOMALY_COPY[code].next;
}
