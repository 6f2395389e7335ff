/** The canonical statuses every carrier's codes are mapped into (DESIGN §4). */
export const SHIPMENT_STATUSES = [
  'pending',
  'info_received',
  'in_transit',
  'out_for_delivery',
  'available_for_pickup',
  'attempt_failed',
  'delivered',
  'exception',
  'returning',
  'returned',
  'not_found',
  'expired',
] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export const TERMINAL_STATUSES: readonly ShipmentStatus[] = ['delivered', 'returned', 'expired'];

/** Statuses that prove a person or machine physically handled the parcel. */
export const PHYSICAL_SCAN_STATUSES: readonly ShipmentStatus[] = [
  'in_transit',
  'out_for_delivery',
  'available_for_pickup',
  'attempt_failed',
];

export const SUBSTATUSES = [
  'unmapped',
  'info_received.label_created',
  'in_transit.picked_up',
  'in_transit.hub_scan',
  'in_transit.arrived_at_branch',
  'available_for_pickup.branch',
  'available_for_pickup.locker',
  'attempt_failed.recipient_absent',
  'attempt_failed.address_not_found',
  'delivered.signed',
  'delivered.neighbour',
  'delivered.locker',
  'exception.damaged',
  'exception.lost',
  'exception.refused',
  'exception.address_issue',
  'exception.customs',
  'exception.held',
  'returning.refused',
  'returning.unclaimed',
] as const;
export type Substatus = (typeof SUBSTATUSES)[number];

export function isShipmentStatus(value: string): value is ShipmentStatus {
  return (SHIPMENT_STATUSES as readonly string[]).includes(value);
}

export function isSubstatus(value: string): value is Substatus {
  return (SUBSTATUSES as readonly string[]).includes(value);
}

export function isTerminal(status: ShipmentStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export function isPhysicalScan(status: ShipmentStatus): boolean {
  return PHYSICAL_SCAN_STATUSES.includes(status);
}
