import type { ShipmentStatus } from '../../src/domain/status.js';
import type { StatusMapping } from '../contract.js';

/**
 * UPS 3-digit `status.statusCode`, the finest code UPS gives (research §2, §8). Every code of
 * UPS's "Status/Description Codes" table [C: UPS docs copied into karrio
 * `ups/vendors/Tracking-status-description-codes.html`]; the table prints them without leading
 * zeros, the API sends three digits (`003`), so keys are zero-padded. Keyed by code so a duplicate
 * is a compile error; any other code goes through `mapStatus()` and comes out `unmapped`.
 *
 * Grouping choices [I]: customer requests ("… Requested/Confirmed", reschedules, address changes)
 * do not move the parcel, so they stay `in_transit`; UPS delays are type X exceptions in UPS's own
 * feed and map to `exception`, except the mere warning 032; routine customs steps stay
 * `in_transit`, customs holds that need someone's action are `exception.customs`; pickup
 * attempts leave the parcel with the shop (`info_received`); "no information" codes are `pending`.
 */
export const UPS_STATUSES = {
  '000': { status: 'pending' }, // Status Not Available
  '003': { status: 'info_received', substatus: 'info_received.label_created' }, // Shipment Ready for UPS
  '005': { status: 'in_transit' }, // On the Way
  '006': { status: 'out_for_delivery' }, // Out for Delivery
  '007': { status: 'exception' }, // Shipment Information Voided
  '010': { status: 'in_transit' }, // On the Way
  '011': { status: 'delivered' }, // Delivered
  '012': { status: 'in_transit' }, // Clearance in Progress
  '013': { status: 'exception' }, // Exception
  '014': { status: 'in_transit' }, // Clearance Completed
  '016': { status: 'in_transit' }, // In Warehouse
  '017': { status: 'available_for_pickup', substatus: 'available_for_pickup.branch' }, // Held for Customer Pickup
  '018': { status: 'in_transit' }, // Delivery Change Requested: Hold for Pickup
  '019': { status: 'in_transit' }, // Held for Future Delivery (the recipient asked for it)
  '020': { status: 'in_transit' }, // Held for Future Delivery Requested
  '021': { status: 'out_for_delivery' }, // Out for Delivery
  '022': { status: 'attempt_failed' }, // First Attempt Made
  '023': { status: 'attempt_failed' }, // Second Delivery Attempted
  '024': { status: 'attempt_failed' }, // Final Attempt Made
  '025': { status: 'in_transit' }, // On the Way
  '026': { status: 'delivered' }, // Delivered by Local Post Office
  '027': { status: 'in_transit' }, // Delivery Address Change Requested
  '028': { status: 'in_transit' }, // Delivery Address Changed
  '029': { status: 'exception' }, // Exception: Action Required
  '030': { status: 'exception' }, // Local Post Office Exception
  '032': { status: 'in_transit' }, // Adverse Weather May Cause Delay
  '033': { status: 'returning' }, // Return to Sender Requested
  '034': { status: 'returned' }, // Returned to Sender
  '035': { status: 'returning' }, // Returning to Sender
  '036': { status: 'returning' }, // Returning to Sender: In Transit
  '037': { status: 'out_for_delivery' }, // Out for Delivery
  '038': { status: 'in_transit', substatus: 'in_transit.picked_up' }, // Picked Up by UPS
  '039': { status: 'in_transit' }, // On the Way
  '040': { status: 'available_for_pickup', substatus: 'available_for_pickup.branch' }, // Ready for Customer Pickup
  '041': { status: 'in_transit' }, // Service Upgrade Requested
  '042': { status: 'in_transit' }, // Service Upgraded
  '043': { status: 'exception' }, // Voided Pickup
  '044': { status: 'in_transit' }, // On the Way to UPS
  '045': { status: 'in_transit' }, // On the Way to UPS
  '046': { status: 'exception' }, // Delay
  '047': { status: 'in_transit' }, // On the Way
  '048': { status: 'exception' }, // Delay
  '049': { status: 'exception' }, // Delay: Action Required
  '050': { status: 'exception', substatus: 'exception.address_issue' }, // Address Information Required
  '051': { status: 'exception' }, // Delay: Emergency Situation or Severe Weather
  '052': { status: 'exception' }, // Delay: Severe Weather
  '053': { status: 'exception' }, // Delay: Severe Weather
  '054': { status: 'in_transit' }, // Delivery Change Requested
  '055': { status: 'in_transit' }, // Rescheduled Delivery
  '056': { status: 'in_transit' }, // Service Upgrade Requested
  '057': { status: 'in_transit' }, // On the Way to a Local UPS Access Point
  '058': { status: 'exception', substatus: 'exception.customs' }, // Clearance Information Required
  '059': { status: 'exception', substatus: 'exception.damaged' }, // Damage Reported
  '060': { status: 'attempt_failed' }, // Delivery Attempted
  '061': { status: 'attempt_failed', substatus: 'attempt_failed.recipient_absent' }, // Delivery Attempted: Adult Signature Required
  '062': { status: 'attempt_failed' }, // Delivery Attempted: Funds Required
  '063': { status: 'in_transit' }, // Delivery Change Completed
  '064': { status: 'exception', substatus: 'exception.refused' }, // Delivery Refused
  '065': { status: 'info_received' }, // Pickup Attempted
  '066': { status: 'attempt_failed' }, // Post Office Delivery Attempted
  '067': { status: 'returning' }, // Returned to Sender by Post Office (on its way back)
  '068': { status: 'exception', substatus: 'exception.lost' }, // Sent to Lost and Found
  '069': { status: 'exception' }, // Unable to Deliver
  '070': { status: 'in_transit' }, // Package not at UPS Access Point yet
  '071': { status: 'in_transit' }, // Preparing for Delivery
  '072': { status: 'out_for_delivery' }, // Loaded on Delivery Vehicle
  '073': { status: 'in_transit' }, // In Transit to UPS Delivery Partner
  '074': { status: 'in_transit' }, // UPS Delivery Partner has Shipment
  '075': { status: 'in_transit' }, // Scheduled for Delivery
  '076': { status: 'exception' }, // UPS Delivery Partner Exception
  '077': { status: 'info_received' }, // Scheduled for Pickup Today
  '078': { status: 'out_for_delivery' }, // Your Driver is Arriving Soon!
  '079': { status: 'info_received' }, // Order Processed: In Transit to UPS
  '080': { status: 'info_received', substatus: 'info_received.label_created' }, // Order Processed: Ready for UPS
  '081': { status: 'exception', substatus: 'exception.damaged' }, // Returned - Damage Reported
  '082': { status: 'in_transit' }, // Delivery Instructions Received
  '083': { status: 'exception', substatus: 'exception.held' }, // Held
  '084': { status: 'in_transit' }, // Cleared
  '085': { status: 'exception', substatus: 'exception.held' }, // Held for COD Payment
  '086': { status: 'exception' }, // Delay
  '087': { status: 'in_transit' }, // On the Way
  '088': { status: 'info_received' }, // Test
  '089': { status: 'out_for_delivery' }, // Out for Delivery
  '090': { status: 'exception' }, // Delay
  '091': { status: 'out_for_delivery' }, // Out for Delivery
  '092': { status: 'in_transit' }, // Customs Clearance in Progress
  '093': { status: 'exception' }, // Premier Recovery In Progress
  '094': { status: 'in_transit' }, // Premier Recovery Completed
  '095': { status: 'in_transit' }, // Additional Attempt Requested
  '096': { status: 'in_transit' }, // Address Change Confirmed
  '097': { status: 'in_transit' }, // Address Change Requested
  '098': { status: 'in_transit' }, // Deliver to Original Address Requested
  '099': { status: 'in_transit' }, // Deliver to Original Address Confirmed
  '100': { status: 'in_transit' }, // Hold at UPS Access Point Confirmed
  '101': { status: 'in_transit' }, // Hold at UPS Access Point Requested
  '102': { status: 'in_transit' }, // Hold for Courier Requested
  '103': { status: 'in_transit' }, // Hold for Courier Confirmed
  '104': { status: 'exception', substatus: 'exception.held' }, // Hold for Instructions Confirmed
  '105': { status: 'in_transit' }, // Hold for Instructions Requested
  '106': { status: 'in_transit' }, // Hold for Pickup Confirmed
  '107': { status: 'in_transit' }, // Hold for Pickup Requested
  '108': { status: 'in_transit' }, // Hold for Pickup Today Confirmed
  '109': { status: 'in_transit' }, // Hold for Pickup Today Requested
  '110': { status: 'in_transit' }, // Refrigeration Confirmed
  '111': { status: 'in_transit' }, // Refrigeration Requested
  '112': { status: 'in_transit' }, // Re-Ice Confirmed
  '113': { status: 'in_transit' }, // Re-Ice Requested
  '114': { status: 'in_transit' }, // Request Canceled
  '115': { status: 'in_transit' }, // Reschedule Delivery Confirmed
  '116': { status: 'in_transit' }, // Reschedule Delivery Requested
  '117': { status: 'returning' }, // Return by Saturday Confirmed
  '118': { status: 'returning' }, // Return to Sender Confirmed
  '119': { status: 'returning' }, // Return to Sender Requested
  '120': { status: 'in_transit' }, // Saturday Delivery Confirmed
  '121': { status: 'in_transit' }, // Saturday Delivery Requested
  '122': { status: 'in_transit' }, // Upgrade Confirmed
  '123': { status: 'exception', substatus: 'exception.customs' }, // Pending Release From Non-UPS Broker
  '124': { status: 'exception', substatus: 'exception.customs' }, // Clearance Information Needed
  '125': { status: 'exception', substatus: 'exception.customs' }, // Clearance Information Needed
  '126': { status: 'exception', substatus: 'exception.customs' }, // Pending Government Agency Release
  '127': { status: 'exception' }, // Investigation Closed
  '128': { status: 'exception' }, // Investigation Canceled
  '129': { status: 'exception' }, // Investigation Opened
  '130': { status: 'exception' }, // Claim in Progress
  '131': { status: 'info_received' }, // Final Pickup Attempted
  '132': { status: 'exception' }, // Airport Security Delay
  '133': { status: 'info_received' }, // Return Label Left With Customer
  '134': { status: 'in_transit' }, // Cleared Import Customs
  '135': { status: 'info_received' }, // Second Pickup Attempted
  '136': { status: 'in_transit' }, // Delivery Rescheduled for Saturday
  '137': { status: 'in_transit' }, // Transferred to UPS Delivery Partner
  '138': { status: 'in_transit' }, // Awaiting Scheduled Departure
  '139': { status: 'attempt_failed' }, // Security Access Required
  '140': { status: 'exception' }, // Claim Paid - Claim Payment Has Been Processed.
  '141': { status: 'exception' }, // Incomplete Documentation Received
  '142': { status: 'exception' }, // Claim Voided
  '143': { status: 'delivered' }, // Delivered to Agent
  '144': { status: 'available_for_pickup', substatus: 'available_for_pickup.branch' }, // Delivered to Post Office for Pickup
  '145': { status: 'attempt_failed' }, // Delivery Attempted
  '146': { status: 'out_for_delivery' }, // Out for Delivery
  '147': { status: 'exception' }, // Seized by Law Enforcement, No Longer in UPS possession
  '148': { status: 'pending' }, // Package Information Unavailable
  '149': { status: 'exception', substatus: 'exception.damaged' }, // Prohibited Contents, Package Destroyed
  '153': { status: 'in_transit' }, // Updated Delivery Time
  '154': { status: 'in_transit' }, // Updated Delivery Date
  '155': { status: 'delivered' }, // Delivery Photo
  '156': { status: 'in_transit' }, // Commercial Inside Release
  '157': { status: 'info_received', substatus: 'info_received.label_created' }, // Shipment Ready for UPS
  '158': { status: 'in_transit' }, // On the Way
  '159': { status: 'in_transit' }, // On the Way
  '160': { status: 'in_transit', substatus: 'in_transit.picked_up' }, // We Have Your Package
  '161': { status: 'available_for_pickup' }, // Delivered to UPS Access Point (store or locker)
  '162': { status: 'out_for_delivery' }, // Out for Delivery
  '163': { status: 'pending' }, // Package Information Unavailable
  '164': { status: 'in_transit' }, // On the Way
  '165': { status: 'in_transit' }, // On the Way
  '166': { status: 'info_received', substatus: 'info_received.label_created' }, // Shipment Ready for Roadie
  '167': { status: 'in_transit', substatus: 'in_transit.picked_up' }, // Dropped off at UPS Store by Customer
  '168': { status: 'in_transit', substatus: 'in_transit.picked_up' }, // Dropped off at Retail Location by Customer
  '169': { status: 'in_transit', substatus: 'in_transit.picked_up' }, // Dropped off at a UPS Access Point by Customer
} as const satisfies Record<string, StatusMapping>;

/**
 * UPS activity `status.type` ("Package Activity Types" [C: karrio
 * `ups/vendors/Tracking-package-activity-types.html`]), used when an activity has no statusCode.
 * `P` (pickup, legacy XML) and `RS` (return to sender, an event code in karrio's heuristics) are
 * not in the current table [I] and are kept for older feeds.
 */
export const UPS_ACTIVITY_TYPES = {
  D: { status: 'delivered' }, // Delivered
  I: { status: 'in_transit' }, // In Transit, Out for Delivery
  M: { status: 'info_received', substatus: 'info_received.label_created' }, // Billing Information Received
  MV: { status: 'exception' }, // Billing Information Voided
  X: { status: 'exception' }, // Exception
  DO: { status: 'in_transit' }, // Delivered Origin CFS (freight: a container freight station, not the consignee)
  DD: { status: 'in_transit' }, // Delivered Destination CFS (freight)
  W: { status: 'in_transit' }, // Warehousing (freight)
  NA: { status: 'pending' }, // Not Available
  U: { status: 'in_transit' }, // Updates (Track Alert only: delivery date/time, photo)
  P: { status: 'in_transit', substatus: 'in_transit.picked_up' }, // Pickup [I]
  RS: { status: 'returning' }, // Return to sender [I]
} as const satisfies Record<string, StatusMapping>;

/**
 * The status an unknown statusCode falls back to, from its type. A terminal guess would stop the
 * polling on a code nobody has read, so a type D (which UPS also uses for "loaded on vehicle")
 * becomes out for delivery; without a known type the parcel is taken to be moving.
 */
export function upsFallbackStatus(type: string | null | undefined): ShipmentStatus {
  const mapped: ShipmentStatus = type && Object.hasOwn(UPS_ACTIVITY_TYPES, type) ? UPS_ACTIVITY_TYPES[type as keyof typeof UPS_ACTIVITY_TYPES].status : 'in_transit';
  return NON_TERMINAL[mapped] ?? mapped;
}

const NON_TERMINAL: Partial<Record<ShipmentStatus, ShipmentStatus>> = { delivered: 'out_for_delivery', returned: 'returning' };
