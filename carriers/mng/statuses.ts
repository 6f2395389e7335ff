import type { StatusMapping } from '../contract.js';

/**
 * MNG REST status codes (`ShipmentOUT.shipmentStatusCode` = `TrackShipmentResponse.eventStatus`,
 * research §3a, seen in one vendor-derived source [1: MNG-OAS]). Keyed by code so a duplicate is a
 * compile error; any other code goes through `mapStatus()` and comes out `unmapped`.
 *
 * The REST meaning of 7 is "Geri geliyor" (coming back), not the legacy SOAP "returned to sender":
 * only the REST table is used here. 6 gives no reason in the code, 8 none either: no substatus.
 */
export const MNG_STATUSES = {
  /** Gönderi hazırlandı: label / order data only. */
  '1': { status: 'info_received', substatus: 'info_received.label_created' },
  /** Transfer aşamasında. */
  '2': { status: 'in_transit', substatus: 'in_transit.hub_scan' },
  /** Teslimat birimine ulaştı. */
  '3': { status: 'in_transit', substatus: 'in_transit.arrived_at_branch' },
  /** Alıcı adresine yönlendirildi. */
  '4': { status: 'out_for_delivery' },
  /** Teslim edildi. */
  '5': { status: 'delivered' },
  /** Teslim edilemedi. */
  '6': { status: 'attempt_failed' },
  /** Geri geliyor. */
  '7': { status: 'returning' },
  /** Destek gerekiyor. */
  '8': { status: 'exception' },
} as const satisfies Record<string, StatusMapping>;

export type MngStatusCode = keyof typeof MNG_STATUSES;

/** A code the table does not know: still moving is the safe guess (the poller keeps asking). */
export const MNG_FALLBACK_STATUS = 'in_transit';
