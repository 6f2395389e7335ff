import type { StatusMapping } from '../contract.js';

/**
 * Every raw code the sandbox carrier sends, mapped to one canonical status (DESIGN §4). Keyed by
 * code so a duplicate is a compile error; codes nobody listed here go through `mapStatus()` and come
 * out `unmapped`. Statuses without a fitting substatus (out for delivery, a return under way, a
 * return completed) carry none: the reason is in the event before it.
 */
export const SANDBOX_STATUSES = {
  KAYIT: { status: 'info_received', substatus: 'info_received.label_created' },
  KABUL: { status: 'in_transit', substatus: 'in_transit.picked_up' },
  TRANSFER: { status: 'in_transit', substatus: 'in_transit.hub_scan' },
  VARIS: { status: 'in_transit', substatus: 'in_transit.hub_scan' },
  SUBEDE: { status: 'in_transit', substatus: 'in_transit.arrived_at_branch' },
  DAGITIMDA: { status: 'out_for_delivery' },
  TESLIM: { status: 'delivered' },
  TESLIM_KOMSU: { status: 'delivered', substatus: 'delivered.neighbour' },
  TESLIM_DOLAP: { status: 'delivered', substatus: 'delivered.locker' },
  TESLIM_EDILEMEDI: { status: 'attempt_failed', substatus: 'attempt_failed.recipient_absent' },
  ADRES_BULUNAMADI: { status: 'attempt_failed', substatus: 'attempt_failed.address_not_found' },
  BEKLIYOR: { status: 'available_for_pickup', substatus: 'available_for_pickup.branch' },
  HASARLI: { status: 'exception', substatus: 'exception.damaged' },
  KAYIP: { status: 'exception', substatus: 'exception.lost' },
  RED: { status: 'exception', substatus: 'exception.refused' },
  IADE_YOLDA: { status: 'returning' },
  IADE_TESLIM: { status: 'returned' },
} as const satisfies Record<string, StatusMapping>;

export type SandboxStatusCode = keyof typeof SANDBOX_STATUSES;

/** Status for a code the table does not know: still moving is the safe guess. */
export const SANDBOX_FALLBACK_STATUS = 'in_transit';
