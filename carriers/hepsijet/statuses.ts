import type { StatusMapping } from '../contract.js';

/**
 * Every HepsiJet `integrationStatus` the research lists (carriers-tr.md §6, [1: HJ-A]), mapped to
 * one canonical status (DESIGN §4). Keyed by code so a duplicate is a compile error; any other code
 * goes through `mapStatus()` and comes out `unmapped`.
 *
 * DELETED and CANCELLED (the shop withdrew the order) have no canonical status of their own: they
 * become `exception` with no substatus, so the shop sees the parcel will not move. The attempt and
 * return codes carry no reason, so no substatus is claimed for them.
 */
export const HEPSIJET_STATUSES = {
  NEO: { status: 'info_received', substatus: 'info_received.label_created' },
  ACCEPTED: { status: 'in_transit', substatus: 'in_transit.picked_up' },
  OUT_FOR_DELIVERY: { status: 'out_for_delivery' },
  FAILED_ATTEMPT: { status: 'attempt_failed' },
  DELIVERED: { status: 'delivered' },
  RETURNED: { status: 'returned' },
  DELETED: { status: 'exception' },
  CANCELLED: { status: 'exception' },
} as const satisfies Record<string, StatusMapping>;

export type HepsijetStatusCode = keyof typeof HEPSIJET_STATUSES;

/** Status for a code the table does not know: still moving is the safe guess. */
export const HEPSIJET_FALLBACK_STATUS = 'in_transit';
