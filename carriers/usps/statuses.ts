import type { ShipmentStatus } from '../../src/domain/status.js';
import type { StatusMapping } from '../contract.js';

/**
 * USPS scan event codes (`trackingEvents[].eventCode`, USPS Pub 199 Appendix G-4, which the spec
 * points to), research carriers-global.md §4 and §8. Meanings: the codes seen in karrio's real
 * fixture [S] and a third-party Web Tools lookup table [S] (two versions; the newer adds 30 and 71).
 * Keyed by code so a duplicate is a compile error; any other code goes through `mapStatus()` and
 * comes out `unmapped`, counted.
 *
 * Choices where the code's name leaves room [I]: the "Shipment Acceptance" codes TM and PA count
 * as accepted (the research's §8 grouping lists them as created; their names say acceptance);
 * refused items go back to the sender, so 04 is `returning.refused`; missent / mis-shipped (08, 15)
 * and "delivery status not updated" (DX) need a person's eye, so `exception`; a dead letter (11)
 * can neither be delivered nor returned, so `exception.lost`.
 */
export const USPS_STATUSES = {
  // Label and electronic data only.
  /** Shipping Label Created, USPS Awaiting Item. */
  GX: { status: 'info_received', substatus: 'info_received.label_created' },
  /** Manifest Acknowledgement. */
  MA: { status: 'info_received', substatus: 'info_received.label_created' },

  // Accepted by USPS or a partner.
  /** Accept or Pickup (by carrier): "USPS in possession of item". */
  '03': { status: 'in_transit', substatus: 'in_transit.picked_up' },
  /** Truck manifest, shown as "Shipment Acceptance". */
  TM: { status: 'in_transit', substatus: 'in_transit.picked_up' },
  /** Passive Acceptance, shown as "Shipment Acceptance". */
  PA: { status: 'in_transit', substatus: 'in_transit.picked_up' },
  /** Picked Up by Shipping Partner. */
  '80': { status: 'in_transit', substatus: 'in_transit.picked_up' },

  // Moving through the network.
  /** Processed / Arrived at USPS Regional Origin Facility. */
  '10': { status: 'in_transit', substatus: 'in_transit.hub_scan' },
  /** Arrived at USPS Regional Facility. */
  A1: { status: 'in_transit', substatus: 'in_transit.hub_scan' },
  /** Departed USPS Regional Facility. */
  T1: { status: 'in_transit', substatus: 'in_transit.hub_scan' },
  /** Departed Sort Facility. */
  EF: { status: 'in_transit', substatus: 'in_transit.hub_scan' },
  /** DC eVS Arrive. */
  '19': { status: 'in_transit', substatus: 'in_transit.hub_scan' },
  /** Received at Opening Unit (Open & Distribute). */
  '41': { status: 'in_transit', substatus: 'in_transit.hub_scan' },
  /** Arrived Shipping Partner Facility. */
  '81': { status: 'in_transit', substatus: 'in_transit.hub_scan' },
  /** Departed Shipping Partner Facility. */
  '82': { status: 'in_transit', substatus: 'in_transit.hub_scan' },
  /** In Transit to Next Facility: no scan place. */
  TL: { status: 'in_transit' },
  /** Departed Post Office. */
  SF: { status: 'in_transit' },
  /** USPS Handoff to Shipping Partner. */
  '42': { status: 'in_transit' },
  /** Forwarded (to the addressee's new address). */
  '06': { status: 'in_transit' },
  /** Rescheduled to Next Delivery Day: late, not failed. */
  '71': { status: 'in_transit' },
  /** Arrival at Unit ("Arrived at Post Office"). */
  '07': { status: 'in_transit', substatus: 'in_transit.arrived_at_branch' },
  /** Sorting / Processing Complete (at the delivery unit). */
  PC: { status: 'in_transit', substatus: 'in_transit.arrived_at_branch' },

  /** Out for Delivery. */
  OF: { status: 'out_for_delivery' },

  // Delivery attempts.
  /** Attempted / Notice Left. */
  '02': { status: 'attempt_failed', substatus: 'attempt_failed.recipient_absent' },
  /** Notice Left. */
  '52': { status: 'attempt_failed', substatus: 'attempt_failed.recipient_absent' },
  /** No Authorized Recipient Available. */
  '56': { status: 'attempt_failed', substatus: 'attempt_failed.recipient_absent' },
  /** Business Closed. */
  '51': { status: 'attempt_failed', substatus: 'attempt_failed.recipient_absent' },
  /** Receptacle Blocked. */
  '53': { status: 'attempt_failed' },
  /** Receptacle Full / Item Oversized. */
  '54': { status: 'attempt_failed' },
  /** No Secure Location Available. */
  '55': { status: 'attempt_failed' },
  /** Delivery Attempted - No Access to Delivery Location. */
  '30': { status: 'attempt_failed' },

  // Pickup at a post office or pickup point.
  /** Arrival at Pickup Point. */
  '14': { status: 'available_for_pickup', substatus: 'available_for_pickup.branch' },
  /** Available for Pickup. */
  '16': { status: 'available_for_pickup', substatus: 'available_for_pickup.branch' },

  // Delivered or collected.
  /** Delivered. */
  '01': { status: 'delivered' },
  /** Picked Up By Agent. */
  '17': { status: 'delivered' },
  /** Picked Up (by the addressee). */
  '43': { status: 'delivered' },

  // Problems.
  /** Undeliverable as Addressed. */
  '05': { status: 'exception', substatus: 'exception.address_issue' },
  /** Missent. */
  '08': { status: 'exception' },
  /** Mis-shipped. */
  '15': { status: 'exception' },
  /** Delivery Status Not Updated. */
  DX: { status: 'exception' },
  /** Dead Letter (to the Mail Recovery Center). */
  '11': { status: 'exception', substatus: 'exception.lost' },

  // Going back to the sender.
  /** Refused. */
  '04': { status: 'returning', substatus: 'returning.refused' },
  /** Return to Sender. */
  '09': { status: 'returning' },
  /** Return to Sender: No Such Number. */
  '21': { status: 'returning' },
  /** Return to Sender: Insufficient Address. */
  '22': { status: 'returning' },
  /** Return to Sender: Moved, Left No Address. */
  '23': { status: 'returning' },
  /** Return to Sender: Forward Expired. */
  '24': { status: 'returning' },
  /** Return to Sender: Addressee Unknown. */
  '25': { status: 'returning' },
  /** Return to Sender: Vacant. */
  '26': { status: 'returning' },
  /** Return to Sender: Unclaimed. */
  '27': { status: 'returning', substatus: 'returning.unclaimed' },
  /** Return to Sender: Deceased. */
  '28': { status: 'returning' },
  /** Return to Sender: Other. */
  '29': { status: 'returning' },
  /** Return to Sender: Not Picked Up. */
  '31': { status: 'returning', substatus: 'returning.unclaimed' },
  /** Customer Recall (the sender asked for it back). */
  '44': { status: 'returning' },
} as const satisfies Record<string, StatusMapping>;

export type UspsEventCode = keyof typeof USPS_STATUSES;

/**
 * `statusCategory` (the item's category now, research §4: Delivered, Accepted, Pre-Shipment, Alert
 * seen [S]; the others from third-party clients [S]), keyed in lower case. Only used as the
 * fallback status of the newest event when its code is unknown; the event is still `unmapped`.
 */
export const USPS_CATEGORY_FALLBACKS: Readonly<Record<string, ShipmentStatus>> = {
  'pre-shipment': 'info_received',
  accepted: 'in_transit',
  'in transit': 'in_transit',
  'in-transit': 'in_transit',
  'moving through network': 'in_transit',
  'out for delivery': 'out_for_delivery',
  'available for pickup': 'available_for_pickup',
  'delivery attempt': 'attempt_failed',
  delivered: 'delivered',
  alert: 'exception',
  'return to sender': 'returning',
};

/** An unknown code with no usable category: still moving is the safe guess (polling goes on). */
export const USPS_FALLBACK_STATUS: ShipmentStatus = 'in_transit';

export function categoryFallback(statusCategory: string | null | undefined): ShipmentStatus {
  const key = statusCategory?.trim().toLowerCase() ?? '';
  return Object.hasOwn(USPS_CATEGORY_FALLBACKS, key) ? (USPS_CATEGORY_FALLBACKS[key] ?? USPS_FALLBACK_STATUS) : USPS_FALLBACK_STATUS;
}
