import type { StatusMapping } from '../contract.js';

/**
 * Every documented Kolay Gelsin `CargoEventType` (research §8, KG-DOC api-docs.md webhook and
 * GetCorporateShipmentsStatus sections), mapped to one canonical status (DESIGN §4). Keyed by the
 * code as text so a duplicate is a compile error; unknown codes go through `mapStatus()` and come
 * out `unmapped`. Kolay Gelsin may enable new codes per customer (GetCorporateCustomerCargoEventTypes).
 */
export const KOLAYGELSIN_STATUSES = {
  /** Gönderi KG sisteminde oluşturuldu. */
  '1': { status: 'info_received', substatus: 'info_received.label_created' },
  /** Gönderenden toplama yapacak kurye yola çıktı: no physical scan yet. */
  '2': { status: 'info_received' },
  /** Toplama yapıldı / Paket Kolay Gelsin tarafından teslim alındı. */
  '12': { status: 'in_transit', substatus: 'in_transit.picked_up' },
  /** Toplama transfer merkezinde gönderi indirildi. */
  '13': { status: 'in_transit', substatus: 'in_transit.hub_scan' },
  /** Dağıtım transfer merkezinde gönderi indirildi. */
  '14': { status: 'in_transit', substatus: 'in_transit.hub_scan' },
  /** Dağıtım yapacak kuryenin aracına yüklendi: still at the hub; 18 is the departure. */
  '17': { status: 'in_transit', substatus: 'in_transit.hub_scan' },
  /** Dağıtım kuryesi transfer merkezinden ayrıldı, teslimat adresine doğru yola çıktı. */
  '18': { status: 'out_for_delivery' },
  /** Alıcı adresi hatalı (reported at the delivery attempt). */
  '25': { status: 'attempt_failed', substatus: 'attempt_failed.address_not_found' },
  /** Alıcı teslimat adresinde bulunamadı. */
  '26': { status: 'attempt_failed', substatus: 'attempt_failed.recipient_absent' },
  /** Alıcı teslimatı reddetti. */
  '28': { status: 'exception', substatus: 'exception.refused' },
  /** Gönderi teslim edildi. */
  '29': { status: 'delivered' },
  /** Gönderen tarafından gönderi durduruldu, gönderene iade edilecek. */
  '31': { status: 'returning' },
  /** Alıcı talebi ile gönderinin iade gönderisi kaydedildi (a new return shipment exists). */
  '32': { status: 'returning' },
  /** Gönderi kayıp. */
  '33': { status: 'exception', substatus: 'exception.lost' },
  /** Alıcı adresi problemli. */
  '35': { status: 'exception', substatus: 'exception.address_issue' },
  /** Dağıtım görevi ertesi iş gününe devredildi: not an attempt, the parcel waits for tomorrow's round. */
  '39': { status: 'in_transit' },
  /** Devir depoya alınan gönderinin operasyonel iadesi kaydedildi. */
  '46': { status: 'returning' },
  /** Hasar raporu oluşturuldu. */
  '58': { status: 'exception', substatus: 'exception.damaged' },
} as const satisfies Record<string, StatusMapping>;

export type KolayGelsinEventType = keyof typeof KOLAYGELSIN_STATUSES;

/**
 * The vendor document's own Turkish words for each code (KG-DOC api-docs.md, webhook section),
 * used as the event text when the answer carries none: the documented event log has no text field.
 */
export const KOLAYGELSIN_EVENT_TEXTS: Readonly<Record<KolayGelsinEventType, string>> = {
  '1': 'Gönderi KG sisteminde oluşturuldu',
  '2': 'Gönderenden toplama yapacak kurye yola çıktı',
  '12': 'Toplama yapıldı',
  '13': 'Toplama transfer merkezinde gönderi indirildi',
  '14': 'Dağıtım transfer merkezinde gönderi indirildi',
  '17': 'Dağıtım yapacak kuryenin aracına yüklendi',
  '18': 'Dağıtım Kuryesi Transfer Merkezinden ayrıldı, teslimat adresine doğru yola çıktı',
  '25': 'Alıcı adresi hatalı',
  '26': 'Alıcı teslimat adresinde bulunamadı',
  '28': 'Alıcı teslimatı reddetti',
  '29': 'Gönderi teslim edildi',
  '31': 'Gönderen tarafından gönderi durduruldu, gönderene iade edilecek',
  '32': 'Alıcı talebi ile gönderinin iade gönderisi kaydedildi',
  '33': 'Gönderi kayıp',
  '35': 'Alıcı adresi problemli',
  '39': 'Dağıtım görevi ertesi iş gününe devredildi',
  '46': 'Devir depoya alınan gönderinin operasyonel iadesi kaydedildi',
  '58': 'Hasar raporu oluşturuldu',
};

/** Status for a code the table does not know: still moving is the safe guess. */
export const KOLAYGELSIN_FALLBACK_STATUS = 'in_transit';
