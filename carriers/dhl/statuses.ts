import type { StatusMapping } from '../contract.js';

/**
 * DHL's `statusCode` is only a "high-level grouping" (research §1 [C: DHLTS enum StatusCode]): the
 * detail lives in the free text. So the raw code of an event is
 *
 * - `<statusCode>` (e.g. `transit`) when no keyword rule refines it, or
 * - `<statusCode>:<keyword>` (e.g. `transit:out_for_delivery`) when DHL_KEYWORDS finds its keyword
 *   in `status`/`description` AND that combination is a key of DHL_STATUSES.
 *
 * A keyword only refines the combinations listed below; elsewhere the plain code stands (customs
 * text under `transit` is ordinary clearance, not a problem). A keyword never turns DHL's
 * `delivered` into something undelivered: only `delivered:returning` (back at the sender) and the
 * delivered substatuses exist. An undocumented `statusCode` is never refined, so it reaches
 * `mapStatus()` verbatim and is counted as unmapped.
 *
 * Confidence: the five codes are [C]; every keyword mapping is [I], phrases partly [S] (the
 * DHL eCommerce sample, research §1: "LABEL CREATED" with `unknown`, "OUT FOR DELIVERY" and
 * "ARRIVAL AT POST OFFICE" with `transit`, "DELIVERED - PARCEL LOCKER").
 */
export const DHL_STATUSES = {
  // The five documented codes [C].
  /** DHL has the shipment's data, nothing handed over yet. */
  'pre-transit': { status: 'info_received' },
  transit: { status: 'in_transit' },
  delivered: { status: 'delivered' },
  failure: { status: 'exception' },
  /**
   * DHL could not group the event itself; its one sample is "LABEL CREATED" [S]. Read as data only
   * [I]: it proves no physical scan, so it cannot hide "not shipped" or fake a regression.
   */
  unknown: { status: 'info_received' },

  // Keyword refinements [I].
  'pre-transit:info_received': { status: 'info_received', substatus: 'info_received.label_created' },
  'unknown:info_received': { status: 'info_received', substatus: 'info_received.label_created' },
  'transit:info_received': { status: 'info_received', substatus: 'info_received.label_created' },

  'transit:out_for_delivery': { status: 'out_for_delivery' },
  'unknown:out_for_delivery': { status: 'out_for_delivery' },

  'transit:recipient_absent': { status: 'attempt_failed', substatus: 'attempt_failed.recipient_absent' },
  'failure:recipient_absent': { status: 'attempt_failed', substatus: 'attempt_failed.recipient_absent' },
  'unknown:recipient_absent': { status: 'attempt_failed', substatus: 'attempt_failed.recipient_absent' },
  'transit:attempt': { status: 'attempt_failed' },
  'failure:attempt': { status: 'attempt_failed' },
  'unknown:attempt': { status: 'attempt_failed' },

  'transit:returning': { status: 'returning' },
  'failure:returning': { status: 'returning' },
  'unknown:returning': { status: 'returning' },
  /** "Delivered" while being returned: delivered back to the sender. */
  'delivered:returning': { status: 'returned' },

  'failure:customs': { status: 'exception', substatus: 'exception.customs' },
  'failure:refused': { status: 'exception', substatus: 'exception.refused' },
  'failure:address': { status: 'exception', substatus: 'exception.address_issue' },
  'transit:address': { status: 'exception', substatus: 'exception.address_issue' },
  'failure:damaged': { status: 'exception', substatus: 'exception.damaged' },
  'failure:lost': { status: 'exception', substatus: 'exception.lost' },
  'failure:held': { status: 'exception', substatus: 'exception.held' },

  'transit:locker': { status: 'available_for_pickup', substatus: 'available_for_pickup.locker' },
  'unknown:locker': { status: 'available_for_pickup', substatus: 'available_for_pickup.locker' },
  'delivered:locker': { status: 'delivered', substatus: 'delivered.locker' },
  'delivered:neighbour': { status: 'delivered', substatus: 'delivered.neighbour' },
  'transit:pickup_point': { status: 'available_for_pickup', substatus: 'available_for_pickup.branch' },
  'unknown:pickup_point': { status: 'available_for_pickup', substatus: 'available_for_pickup.branch' },

  'transit:dropped_off': { status: 'in_transit', substatus: 'in_transit.picked_up' },
  'transit:picked_up': { status: 'in_transit', substatus: 'in_transit.picked_up' },
  'transit:hub': { status: 'in_transit', substatus: 'in_transit.hub_scan' },
} as const satisfies Record<string, StatusMapping>;

export type DhlRawCode = keyof typeof DHL_STATUSES;

/** The documented `statusCode` values; only these are ever refined by a keyword. */
export const DHL_STATUS_CODES = ['pre-transit', 'transit', 'delivered', 'failure', 'unknown'] as const;

/**
 * Keyword rules on `status` + `description`, matched case-insensitively as whole words (so
 * `lost` does not fire inside `Lostock`). Checked in the order written; the first keyword whose
 * phrase occurs AND whose `<statusCode>:<keyword>` is in DHL_STATUSES wins. The order is the
 * precedence: a return beats an attempt beats out-for-delivery ("delivery attempt failed, out for
 * delivery again tomorrow" is an attempt); a drop-off at a service point comes before "service
 * point" means ready for pickup; "ready to be picked up" comes before "picked up". All [I] unless
 * marked [S].
 */
export const DHL_KEYWORDS = {
  returning: ['returned to sender', 'return to sender', 'returned to the sender', 'return to the sender', 'returned to shipper', 'return to shipper', 'returning to sender', 'back to the sender', 'being returned'],
  /** "LABEL CREATED" [S]; "Shipper has generated a shipment label" [S: a third-party capture]. */
  info_received: ['label created', 'shipment information received', 'shipper has generated a shipment label', 'instruction data'],
  recipient_absent: ['recipient not available', 'recipient was not available', 'recipient not present', 'recipient was not present', 'recipient not at home', 'not at home', 'nobody at home', 'no one at home', 'consignee not available', 'receiver not available'],
  attempt: ['delivery attempt', 'delivery attempted', 'attempted delivery', 'failed attempt', 'unsuccessful delivery', 'could not be delivered', 'delivery failed'],
  /** "OUT FOR DELIVERY" [S]. */
  out_for_delivery: ['out for delivery', 'with delivery courier', 'loaded onto the delivery vehicle', 'on vehicle for delivery', 'out with courier'],
  customs: ['customs', 'clearance'],
  refused: ['refused', 'refusal', 'rejected by', 'declined by'],
  address: ['incorrect address', 'address incorrect', 'wrong address', 'address unknown', 'unknown address', 'insufficient address', 'incomplete address', 'address is incomplete', 'bad address', 'addressee unknown'],
  damaged: ['damage', 'damaged'],
  lost: ['lost', 'could not be located', 'cannot be located'],
  held: ['on hold', 'held at', 'held by', 'held for'],
  /** "DELIVERED - PARCEL LOCKER" [S]. */
  locker: ['locker', 'lockers', 'packstation', 'parcel box'],
  neighbour: ['neighbour', 'neighbor'],
  dropped_off: ['dropped off', 'posted by the sender', 'handed in'],
  pickup_point: ['ready for pickup', 'ready for pick-up', 'ready for pick up', 'ready for collection', 'available for pick-up', 'ready to be picked up', 'ready to be collected', 'awaiting collection', 'available for pickup', 'available for collection', 'service point', 'servicepoint', 'parcel shop', 'parcelshop', 'pickup point', 'pick-up point', 'collection point'],
  picked_up: ['picked up', 'pickup scan'],
  /** "ARRIVAL DESTINATION DHL ECOMMERCE FACILITY", "… DISTRIBUTION CENTER" [S]; not "ARRIVAL AT POST OFFICE" (a USPS office, not DHL's hub). */
  hub: ['facility', 'hub', 'sort center', 'sorting center', 'sorting centre', 'distribution center', 'distribution centre', 'parcel center', 'parcel centre', 'processed at'],
} as const satisfies Record<string, readonly string[]>;

export type DhlKeyword = keyof typeof DHL_KEYWORDS;

/** A code the table does not know: still moving is the safe guess (the poller keeps asking). */
export const DHL_FALLBACK_STATUS = 'in_transit';
