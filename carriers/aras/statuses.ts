import type { StatusMapping } from '../contract.js';

/**
 * Every documented Aras code (research §2, [V: ARAS-DOC]) mapped to one canonical status. Aras
 * numbers three code lists from 1 upwards, so a raw code here is the field and its value exactly
 * as sent: `DURUM_KODU=6`, `TIP_KODU=3`, `DEVIR_KODU=10`. parse.ts picks one per cargo record:
 * a return (TIP_KODU=3) wins, then delivery, then a carry-over reason (DEVİR), then DURUM_KODU.
 */
export const ARAS_STATUSES = {
  // DURUM KODU: the cargo's current status.
  'DURUM_KODU=1': { status: 'in_transit', substatus: 'in_transit.picked_up' }, // Çıkış Şubesinde
  'DURUM_KODU=2': { status: 'in_transit', substatus: 'in_transit.hub_scan' }, // Yolda
  'DURUM_KODU=3': { status: 'in_transit', substatus: 'in_transit.arrived_at_branch' }, // Teslimat Şubesinde
  'DURUM_KODU=4': { status: 'out_for_delivery' }, // Teslimatta
  'DURUM_KODU=5': { status: 'out_for_delivery' }, // Parçalı Teslimat: some pieces still to deliver
  'DURUM_KODU=6': { status: 'delivered', substatus: 'delivered.signed' }, // Teslim Edildi
  'DURUM_KODU=7': { status: 'in_transit' }, // Yönlendirildi (redirected)
  // TİP KODU: only chosen when a record has no DURUM_KODU, except 3 (returns), which always wins.
  'TIP_KODU=1': { status: 'in_transit' }, // Normal
  'TIP_KODU=2': { status: 'in_transit' }, // Yönlendirildi
  'TIP_KODU=3': { status: 'returning' }, // İade edildi: sent back to the sender
  // A return whose DURUM says delivered: back with the sender [I].
  'TIP_KODU=3;DURUM_KODU=6': { status: 'returned' },
  // DEVİR: why the cargo was carried over instead of delivered.
  'DEVIR_KODU=10': { status: 'attempt_failed', substatus: 'attempt_failed.address_not_found' }, // AY adres yanlış/yetersiz
  'DEVIR_KODU=11': { status: 'attempt_failed', substatus: 'attempt_failed.recipient_absent' }, // NT not bırakıldı
  'DEVIR_KODU=12': { status: 'in_transit', substatus: 'in_transit.arrived_at_branch' }, // MD mobil dağıtım günü
  'DEVIR_KODU=14': { status: 'in_transit', substatus: 'in_transit.arrived_at_branch' }, // TL tatil
  'DEVIR_KODU=15': { status: 'available_for_pickup', substatus: 'available_for_pickup.branch' }, // ŞA şubeden alacak
  'DEVIR_KODU=17': { status: 'exception', substatus: 'exception.address_issue' }, // AD dağıtım alanı dışı
  'DEVIR_KODU=18': { status: 'attempt_failed' }, // TG gün içinde teslim edilemedi
  'DEVIR_KODU=20': { status: 'attempt_failed', substatus: 'attempt_failed.address_not_found' }, // AA alıcı adreste tanınmıyor
  'DEVIR_KODU=22': { status: 'exception', substatus: 'exception.damaged' }, // HT hasar/tazmin/problemli
  'DEVIR_KODU=26': { status: 'exception', substatus: 'exception.customs' }, // KG gümrükte
  'DEVIR_KODU=32': { status: 'available_for_pickup', substatus: 'available_for_pickup.locker' }, // PR Pratik 7/24
  'DEVIR_KODU=33': { status: 'exception', substatus: 'exception.refused' }, // ÜR alıcı ödemeyi reddetti
  'DEVIR_KODU=34': { status: 'exception', substatus: 'exception.refused' }, // KE alıcı kargoyu reddetti
  'DEVIR_KODU=45': { status: 'in_transit', substatus: 'in_transit.arrived_at_branch' }, // TT tercihli saatte teslim
  'DEVIR_KODU=47': { status: 'exception', substatus: 'exception.held' }, // PS parça problemi
  'DEVIR_KODU=51': { status: 'exception', substatus: 'exception.held' }, // TO toplumsal olaylar
} as const satisfies Record<string, StatusMapping>;

export type ArasStatusCode = keyof typeof ARAS_STATUSES;

/** Status for a code the table does not know: still moving is the safe guess. */
export const ARAS_FALLBACK_STATUS = 'in_transit';
