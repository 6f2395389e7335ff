import type { ShipmentStatus } from '../../src/domain/status.js';
import { mapStatus, type StatusMapping } from '../contract.js';

/**
 * 17TRACK's 30 sub-statuses, the finest code an event carries (`sub_status`), research §5
 * [C: help.17track.net status article for the 9 main statuses and most sub-statuses; S: clients
 * copying 17TRACK's full table for the Exception_* ones the stored excerpt cut off]. Keyed by code
 * so a duplicate is a compile error; any other code goes through `mapStatus()`, `unmapped`.
 *
 * Grouping choices [I], in line with the UPS and FedEx tables: routine customs steps stay
 * `in_transit`, customs asking for documents is `exception.customs`; refusals are
 * `exception.refused` (they are not re-attempted); 17TRACK's "delayed", "cancelled" and
 * "destroyed" are its own Exception sub-statuses and stay `exception`. `Expired` is 17TRACK's
 * verdict that the parcel has travelled too long, not a carrier scan: shipwatch's own cadence
 * decides when tracking expires (DESIGN §4), so it maps to `in_transit` and polling goes on.
 */
export const SUB_STATUSES = {
  NotFound_Other: { status: 'not_found' }, // the carrier returned nothing
  NotFound_InvalidCode: { status: 'not_found' }, // the number is not valid for the carrier
  InfoReceived: { status: 'info_received', substatus: 'info_received.label_created' },
  InTransit_PickedUp: { status: 'in_transit', substatus: 'in_transit.picked_up' },
  InTransit_Other: { status: 'in_transit' },
  InTransit_Departure: { status: 'in_transit' }, // left the origin country
  InTransit_Arrival: { status: 'in_transit' }, // arrived in the destination country
  InTransit_CustomsProcessing: { status: 'in_transit' },
  InTransit_CustomsReleased: { status: 'in_transit' },
  InTransit_CustomsRequiringInformation: { status: 'exception', substatus: 'exception.customs' },
  Expired_Other: { status: 'in_transit' },
  AvailableForPickup_Other: { status: 'available_for_pickup' },
  OutForDelivery_Other: { status: 'out_for_delivery' },
  DeliveryFailure_Other: { status: 'attempt_failed' },
  DeliveryFailure_NoBody: { status: 'attempt_failed', substatus: 'attempt_failed.recipient_absent' },
  DeliveryFailure_Security: { status: 'attempt_failed' }, // security, customs or fee problem at the door
  DeliveryFailure_Rejected: { status: 'exception', substatus: 'exception.refused' },
  DeliveryFailure_InvalidAddress: { status: 'attempt_failed', substatus: 'attempt_failed.address_not_found' },
  Delivered_Other: { status: 'delivered' },
  Exception_Other: { status: 'exception' },
  Exception_Returning: { status: 'returning' },
  Exception_Returned: { status: 'returned' },
  Exception_NoBody: { status: 'exception', substatus: 'exception.address_issue' }, // recipient details wrong, found before delivery
  Exception_Security: { status: 'exception', substatus: 'exception.held' }, // security, customs or fees, before delivery
  Exception_Damage: { status: 'exception', substatus: 'exception.damaged' },
  Exception_Rejected: { status: 'exception', substatus: 'exception.refused' },
  Exception_Delayed: { status: 'exception' },
  Exception_Lost: { status: 'exception', substatus: 'exception.lost' },
  Exception_Destroyed: { status: 'exception', substatus: 'exception.damaged' },
  Exception_Cancel: { status: 'exception' },
} as const satisfies Record<string, StatusMapping>;

/**
 * The 9 main statuses (`latest_status.status`, and the prefix of every sub-status). They give
 * the fallback of an unknown sub-status: `Exception_Held` is still an exception, just unmapped.
 */
export const MAIN_STATUSES = {
  NotFound: { status: 'not_found' },
  InfoReceived: { status: 'info_received' },
  InTransit: { status: 'in_transit' },
  Expired: { status: 'in_transit' },
  AvailableForPickup: { status: 'available_for_pickup' },
  OutForDelivery: { status: 'out_for_delivery' },
  DeliveryFailure: { status: 'attempt_failed' },
  Delivered: { status: 'delivered' },
  Exception: { status: 'exception' },
} as const satisfies Record<string, StatusMapping>;

/**
 * The event `stage` (milestone key stage) [S], read only when an event has no `sub_status`.
 * 17TRACK's fixtures show other stage words too (`Accepted`, `Inbound`…): unknown ones are unmapped.
 */
export const STAGES = {
  InfoReceived: { status: 'info_received', substatus: 'info_received.label_created' },
  PickedUp: { status: 'in_transit', substatus: 'in_transit.picked_up' },
  Departure: { status: 'in_transit' },
  Arrival: { status: 'in_transit' },
  AvailableForPickup: { status: 'available_for_pickup' },
  OutForDelivery: { status: 'out_for_delivery' },
  Delivered: { status: 'delivered' },
  Returning: { status: 'returning' },
  Returned: { status: 'returned' },
} as const satisfies Record<string, StatusMapping>;

/** Nothing to go on: still moving is the safe guess (the poller keeps asking). */
export const FALLBACK_STATUS: ShipmentStatus = 'in_transit';

/**
 * An event's status from its sub-status, else its stage. An unknown sub-status is counted as
 * unmapped, with the status of its main-status prefix (or of the stage) as the nearest safe one.
 */
export function mapEventStatus(subStatus: string | null | undefined, stage: string | null | undefined) {
  const sub = subStatus?.trim() ?? '';
  const milestone = stage?.trim() ?? '';
  if (sub === '' && Object.hasOwn(STAGES, milestone)) return mapStatus('17track', STAGES, milestone);
  const prefix = sub.split('_')[0] ?? '';
  const fallback =
    (Object.hasOwn(MAIN_STATUSES, prefix) ? MAIN_STATUSES[prefix as keyof typeof MAIN_STATUSES].status : undefined) ??
    (Object.hasOwn(STAGES, milestone) ? STAGES[milestone as keyof typeof STAGES].status : undefined) ??
    FALLBACK_STATUS;
  return mapStatus('17track', SUB_STATUSES, sub === '' ? milestone : sub, fallback);
}
