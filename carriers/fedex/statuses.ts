import type { StatusMapping } from '../contract.js';

/**
 * FedEx scan event types (`scanEvents[].eventType`), every code of FedEx's "Tracking Status Codes"
 * table [C: karrio `fedex/vendor/Tracking-Status-Codes.html`, research §3]. Keyed by code so a
 * duplicate is a compile error; lookups upper-case the code because the table itself writes `Ow`.
 * Any other code goes to `derivedStatusCode` (FEDEX_DERIVED_STATUSES), then to `mapStatus()` → `unmapped`.
 *
 * Choices the table does not make for us [I]:
 * - Delays (DY, DD, PD for pickup) are not stops: the parcel still moves, and lateness against the
 *   promise is judged by the `late` / `at-risk` rules, so they stay in their stage without substatus.
 * - Codes before FedEx has the parcel (vehicle dispatched, en route to / at pickup, return-label
 *   links) are `info_received`; a label link cancelled or expired, or a vehicle sent and not used,
 *   means the parcel will not come: `exception`.
 * - Custom-delivery-option changes (RR, RM, RC) and hand-offs (AX, OX, AC, TR) are still in transit.
 * - The table's "Possession" rows (CA Carrier, RC Recipient, SH, CU, BR, TP) are possession codes,
 *   not event types, and clash with the event codes CA and RC: left out.
 * - `EA` is listed twice (Enroute to Airport; Export Approved): both are in transit.
 */
export const FEDEX_EVENT_TYPES = {
  // Movement
  AA: { status: 'in_transit', substatus: 'in_transit.hub_scan' }, // At Airport
  AC: { status: 'in_transit' }, // At Canada Post facility
  AD: { status: 'out_for_delivery' }, // At Delivery
  /** Shipment arriving early: not in the table, seen in a real answer [S: karrio InconsistentDateTimeResponse]. */
  AE: { status: 'in_transit' },
  AF: { status: 'in_transit', substatus: 'in_transit.arrived_at_branch' }, // At local FedEx Facility
  AO: { status: 'in_transit' }, // Shipment arriving On-time
  AP: { status: 'info_received' }, // At Pickup
  AR: { status: 'in_transit', substatus: 'in_transit.hub_scan' }, // Arrived at FedEx location
  AX: { status: 'in_transit' }, // At USPS facility
  CA: { status: 'exception' }, // Shipment Cancelled (no canonical "cancelled")
  CH: { status: 'in_transit' }, // Location Changed
  DD: { status: 'in_transit' }, // Delivery Delay
  DE: { status: 'attempt_failed' }, // Delivery Exception (the reason is in exceptionCode / exceptionDescription)
  DL: { status: 'delivered' }, // Delivered
  DP: { status: 'in_transit', substatus: 'in_transit.hub_scan' }, // Departed
  DR: { status: 'exception' }, // Vehicle furnished but not used
  DS: { status: 'info_received' }, // Vehicle Dispatched
  DY: { status: 'in_transit' }, // Delay
  EA: { status: 'in_transit' }, // Enroute to Airport; also Regulatory "Export Approved"
  ED: { status: 'out_for_delivery' }, // Enroute to Delivery
  EO: { status: 'in_transit' }, // Enroute to Origin Airport
  EP: { status: 'info_received' }, // Enroute to Pickup
  FD: { status: 'in_transit', substatus: 'in_transit.arrived_at_branch' }, // At FedEx Destination
  HL: { status: 'available_for_pickup', substatus: 'available_for_pickup.branch' }, // Hold at Location
  HP: { status: 'available_for_pickup', substatus: 'available_for_pickup.branch' }, // Ready for Recipient Pickup
  IT: { status: 'in_transit' }, // In Transit
  IX: { status: 'in_transit' }, // In transit (see Details)
  LO: { status: 'in_transit', substatus: 'in_transit.hub_scan' }, // Left Origin
  OC: { status: 'info_received', substatus: 'info_received.label_created' }, // Order Created
  OD: { status: 'out_for_delivery' }, // Out for Delivery
  OF: { status: 'in_transit', substatus: 'in_transit.hub_scan' }, // At FedEx origin facility
  OW: { status: 'in_transit' }, // On the way (written `Ow` in the table)
  OX: { status: 'in_transit' }, // Shipment information sent to USPS
  PD: { status: 'info_received' }, // Pickup Delay
  PF: { status: 'in_transit' }, // Plane in Flight
  PL: { status: 'in_transit' }, // Plane Landed
  PM: { status: 'in_transit' }, // In Progress
  PU: { status: 'in_transit', substatus: 'in_transit.picked_up' }, // Picked Up
  PX: { status: 'in_transit', substatus: 'in_transit.picked_up' }, // Picked up (see Details)
  RR: { status: 'in_transit' }, // CDO requested
  RM: { status: 'in_transit' }, // CDO Modified
  RC: { status: 'in_transit' }, // CDO Cancelled
  RS: { status: 'returning' }, // Return to Shipper
  RP: { status: 'info_received' }, // Return label link emailed to return sender
  LP: { status: 'exception' }, // Return label link cancelled by shipment originator
  RG: { status: 'info_received' }, // Return label link expiring soon
  RD: { status: 'exception' }, // Return label link expired
  SE: { status: 'exception' }, // Shipment Exception
  SF: { status: 'in_transit', substatus: 'in_transit.hub_scan' }, // At Sort Facility
  SP: { status: 'in_transit' }, // Split Status
  TR: { status: 'in_transit' }, // Transfer
  // Regulatory
  CC: { status: 'in_transit' }, // Cleared Customs
  CD: { status: 'exception', substatus: 'exception.customs' }, // Clearance Delay
  CP: { status: 'in_transit' }, // Clearance in Progress
} as const satisfies Record<string, StatusMapping>;

/**
 * `derivedStatusCode`, the coarse status FedEx derives per event: used only when the event type is
 * unknown. Values seen [S: karrio DuplicateTrackingResponse]; FedEx publishes no list (research §9).
 * `RL` (Running Late) is seen as `latestStatusDetail.derivedCode`.
 */
export const FEDEX_DERIVED_STATUSES = {
  IN: { status: 'info_received', substatus: 'info_received.label_created' }, // Label created
  PU: { status: 'in_transit', substatus: 'in_transit.picked_up' }, // Picked up
  IT: { status: 'in_transit' }, // In transit
  DY: { status: 'in_transit' }, // Delay
  RL: { status: 'in_transit' }, // Running Late
  DE: { status: 'attempt_failed' }, // Delivery exception
  DL: { status: 'delivered' }, // Delivered
} as const satisfies Record<string, StatusMapping>;

/** A code neither table knows: still moving is the safe guess (the poller keeps asking). */
export const FEDEX_FALLBACK_STATUS = 'in_transit';
