import type { StatusMapping } from '../contract.js';
import type { ShipmentStatus } from '../../src/domain/status.js';

/**
 * Every documented Yurtiçi code mapped to one canonical status (DESIGN §4; research carriers-tr.md
 * §1). One table, so a duplicate key is a compile error. Yurtiçi reports three status fields per
 * key plus movement rows; the field codes overlap ("3" is both a return and a reject status), so
 * field statuses are keyed `<field>:<code>` and that is also the event's rawCode (the part after
 * the colon is the carrier's value verbatim). Movement rows are keyed by their `eventId` verbatim.
 */
export const YURTICI_STATUSES = {
  // operationCode / operationStatus: the key's current state ([M]: OMNI-YK, ALTK, id 9974790177).
  'operationCode:0': { status: 'info_received', substatus: 'info_received.label_created' }, // NOP: data only, not processed
  'operationCode:1': { status: 'in_transit', substatus: 'in_transit.picked_up' }, // IND: accepted, in the delivery process (not "out for delivery")
  'operationCode:2': { status: 'in_transit', substatus: 'in_transit.picked_up' }, // ISR: processed at branch, waybill not issued yet
  'operationCode:3': { status: 'exception', substatus: 'exception.held' }, // CNL: dispatch blocked
  'operationCode:4': { status: 'exception' }, // ISC: cancelled earlier
  'operationCode:5': { status: 'delivered' }, // DLV: delivered
  'operationCode:6': { status: 'exception' }, // BI: invoice cancelled by the branch ([1])
  // returnStatus ([M]: OMNI-YK, id 9974790177).
  'returnStatus:0': { status: 'in_transit' }, // not delivered, no return invoice
  'returnStatus:1': { status: 'delivered' }, // delivered, no return invoice
  'returnStatus:2': { status: 'returning' }, // delivered, return invoice issued
  'returnStatus:3': { status: 'returned' }, // returned to the sender
  // rejectStatus ([1]: OMNI-YK): 0–3, 9, 10 "in return"; 4, 7, 8, 11 "return aborted". 9 and 10 stay
  // `returning`: only returnStatus 3 says the parcel is back with the sender (returned is terminal).
  'rejectStatus:0': { status: 'returning' }, // return requested
  'rejectStatus:1': { status: 'returning' }, // origin branch approved
  'rejectStatus:2': { status: 'returning' }, // region approved
  'rejectStatus:3': { status: 'returning' }, // customer approved
  'rejectStatus:4': { status: 'exception', substatus: 'exception.held' }, // awaiting return
  'rejectStatus:7': { status: 'exception' }, // delivery cancelled
  'rejectStatus:8': { status: 'exception' }, // billing cancelled
  'rejectStatus:9': { status: 'returning' }, // return done
  'rejectStatus:10': { status: 'returning' }, // return finalised
  'rejectStatus:11': { status: 'in_transit' }, // return not approved: the parcel goes on to the recipient
  // Movement eventIds: no full list is published; only this one is documented ([1]: OMNI-YK).
  YK: { status: 'in_transit', substatus: 'in_transit.hub_scan' }, // Kargo İndirildi (unloaded)
} as const satisfies Record<string, StatusMapping>;

export type YurticiStatusField = 'operationCode' | 'returnStatus' | 'rejectStatus';

/** Nearest safe status for a code the table does not know, by where the code came from. */
export const YURTICI_FALLBACK_STATUS: Readonly<Record<YurticiStatusField | 'movement', ShipmentStatus>> = {
  movement: 'in_transit',
  operationCode: 'in_transit',
  returnStatus: 'in_transit',
  rejectStatus: 'exception',
};

export function yurticiFieldCode(field: YurticiStatusField, value: string): string {
  return `${field}:${value.trim()}`;
}
