/** Canonical statuses, anomaly codes and severities in plain words (DESIGN §4 and §8). */
import type { AnomalyCode, Severity, AnomalyState } from '../../../anomalies/types.js';
import type { ShipmentStatus, Substatus } from '../../../domain/status.js';
import { language, type Language } from './language.js';

// Typed by the server's own lists: a status, substatus or code added there is a compile error here until it has words.
const STATUS: Record<Language, Record<ShipmentStatus, string>> = {
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

const ANOMALY: Record<Language, Record<AnomalyCode, string>> = {
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

/** The finer substatus (src/domain/status.ts SUBSTATUSES) as words; `unmapped` is our own flag. */
const SUBSTATUS: Record<Language, Record<Substatus, string>> = {
  tr: {
    unmapped: 'kargo kodu tanınmadı',
    'info_received.label_created': 'etiket oluşturuldu',
    'in_transit.picked_up': 'kargo teslim alındı',
    'in_transit.hub_scan': 'aktarma merkezinde',
    'in_transit.arrived_at_branch': 'varış şubesinde',
    'available_for_pickup.branch': 'şubede',
    'available_for_pickup.locker': 'kargo dolabında',
    'attempt_failed.recipient_absent': 'alıcı adreste yok',
    'attempt_failed.address_not_found': 'adres bulunamadı',
    'delivered.signed': 'imzalı teslim',
    'delivered.neighbour': 'komşuya teslim',
    'delivered.locker': 'dolaptan teslim',
    'exception.damaged': 'hasarlı',
    'exception.lost': 'kayıp',
    'exception.refused': 'alıcı reddetti',
    'exception.address_issue': 'adres sorunu',
    'exception.customs': 'gümrükte',
    'exception.held': 'bekletiliyor',
    'returning.refused': 'alıcı reddetti',
    'returning.unclaimed': 'teslim alınmadı',
  },
  en: {
    unmapped: 'carrier code not recognised',
    'info_received.label_created': 'label created',
    'in_transit.picked_up': 'picked up',
    'in_transit.hub_scan': 'at a hub',
    'in_transit.arrived_at_branch': 'at the delivery branch',
    'available_for_pickup.branch': 'at a branch',
    'available_for_pickup.locker': 'in a locker',
    'attempt_failed.recipient_absent': 'recipient not in',
    'attempt_failed.address_not_found': 'address not found',
    'delivered.signed': 'signed for',
    'delivered.neighbour': 'left with a neighbour',
    'delivered.locker': 'collected from a locker',
    'exception.damaged': 'damaged',
    'exception.lost': 'lost',
    'exception.refused': 'refused by the recipient',
    'exception.address_issue': 'address problem',
    'exception.customs': 'held in customs',
    'exception.held': 'held by the carrier',
    'returning.refused': 'refused by the recipient',
    'returning.unclaimed': 'not collected',
  },
};

const SEVERITY: Record<Language, Record<Severity, string>> = {
  tr: { critical: 'Kritik', high: 'Yüksek', medium: 'Orta' },
  en: { critical: 'Critical', high: 'High', medium: 'Medium' },
};

const STATE: Record<Language, Record<AnomalyState, string>> = {
  tr: { open: 'Açık', acknowledged: 'Görüldü', resolved: 'Çözüldü' },
  en: { open: 'Open', acknowledged: 'Acknowledged', resolved: 'Resolved' },
};

// The filters offer exactly the server's lists.
export { ANOMALY_CODES, SEVERITIES } from '../../../anomalies/types.js';
export { SHIPMENT_STATUSES as STATUS_CODES } from '../../../domain/status.js';

/** An unknown code (a newer server) shows as itself rather than as nothing. */
function wordFor(table: Record<Language, Readonly<Record<string, string>>>, code: string): string {
  return table[language()][code] ?? code;
}

export const statusLabel = (code: string): string => wordFor(STATUS, code);
export const anomalyLabel = (code: string): string => wordFor(ANOMALY, code);
export const severityLabel = (code: string): string => wordFor(SEVERITY, code);
export const stateLabel = (code: string): string => wordFor(STATE, code);
export const substatusLabel = (code: string): string => wordFor(SUBSTATUS, code);
