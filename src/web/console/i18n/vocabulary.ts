/** Canonical statuses, anomaly codes and severities in plain words (DESIGN §4 and §8). */
import { language, type Language } from './language.js';

const STATUS: Record<Language, Record<string, string>> = {
  tr: {
    pending: 'Beklemede (kargo bilgisi yok)',
    info_received: 'Kargo bilgisi alındı, henüz teslim alınmadı',
    in_transit: 'Yolda',
    out_for_delivery: 'Dağıtımda',
    available_for_pickup: 'Şubede / teslim noktasında bekliyor',
    attempt_failed: 'Teslim edilemedi, tekrar denenecek',
    delivered: 'Teslim edildi',
    exception: 'Sorun var',
    returning: 'Göndericiye dönüyor',
    returned: 'Göndericiye iade edildi',
    not_found: 'Kargo firması numarayı tanımıyor',
    expired: 'Takip süresi doldu',
  },
  en: {
    pending: 'Pending (no carrier data yet)',
    info_received: 'Label created, not handed over yet',
    in_transit: 'In transit',
    out_for_delivery: 'Out for delivery',
    available_for_pickup: 'Waiting at a branch or pickup point',
    attempt_failed: 'Delivery attempt failed',
    delivered: 'Delivered',
    exception: 'Problem reported',
    returning: 'Returning to sender',
    returned: 'Returned to sender',
    not_found: 'Carrier does not know the number',
    expired: 'Tracking expired',
  },
};

const ANOMALY: Record<Language, Record<string, string>> = {
  tr: {
    delivered_without_scan: 'Taranmadan "teslim edildi"',
    status_regression: 'Teslimden sonra hareket',
    late: 'Gecikti',
    at_risk: 'Gecikme riski',
    stalled: 'Hareketsiz',
    not_shipped: 'Kargoya verilmedi',
    delivery_failed: 'Teslimat başarısız',
    awaiting_pickup: 'Şubede bekliyor',
    exception: 'Kargo sorunu',
    returning: 'İade yolunda',
    not_found: 'Numara bulunamadı',
    carrier_unreachable: 'Kargo firmasına ulaşılamıyor',
    carrier_drift: 'Kargo firması kodlarını değiştirdi',
  },
  en: {
    delivered_without_scan: 'Delivered without a scan',
    status_regression: 'Movement after delivery',
    late: 'Late',
    at_risk: 'At risk of being late',
    stalled: 'Stalled',
    not_shipped: 'Not shipped',
    delivery_failed: 'Delivery failed',
    awaiting_pickup: 'Waiting for pickup',
    exception: 'Carrier exception',
    returning: 'Returning',
    not_found: 'Number not found',
    carrier_unreachable: 'Carrier unreachable',
    carrier_drift: 'Carrier changed its codes',
  },
};

const SEVERITY: Record<Language, Record<string, string>> = {
  tr: { critical: 'Kritik', high: 'Yüksek', medium: 'Orta' },
  en: { critical: 'Critical', high: 'High', medium: 'Medium' },
};

const STATE: Record<Language, Record<string, string>> = {
  tr: { open: 'Açık', acknowledged: 'Görüldü', resolved: 'Çözüldü' },
  en: { open: 'Open', acknowledged: 'Acknowledged', resolved: 'Resolved' },
};

export const STATUS_CODES = Object.keys(STATUS.en);
export const ANOMALY_CODES = Object.keys(ANOMALY.en);
export const SEVERITIES = ['critical', 'high', 'medium'] as const;

/** An unknown code (a newer server) shows as itself rather than as nothing. */
export const statusLabel = (code: string): string => STATUS[language()][code] ?? code;
export const anomalyLabel = (code: string): string => ANOMALY[language()][code] ?? code;
export const severityLabel = (code: string): string => SEVERITY[language()][code] ?? code;
export const stateLabel = (code: string): string => STATE[language()][code] ?? code;
