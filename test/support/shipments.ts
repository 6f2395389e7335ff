import type { CarrierEvent } from '../../carriers/contract.js';
import type { NewShipment, Shipment } from '../../src/domain/shipment.js';
import type { ShipmentStatus, Substatus } from '../../src/domain/status.js';
import type { Store } from '../../src/store/types.js';

export function newShipment(overrides: Partial<NewShipment> = {}): NewShipment {
  return {
    carrier: 'sandbox',
    trackingNumber: 'SBX0100000017',
    reference: null,
    orderId: 'ORDER-1',
    customer: { name: 'MARKER-CUSTOMER-NAME', email: 'marker-customer@example.com', phone: '+90 555 000 00 00' },
    destination: { city: 'İzmir', country: 'TR' },
    serviceLevel: 'standard',
    carrierService: null,
    shippedAt: null,
    promisedBy: null,
    deadlineAt: null,
    returnRequested: false,
    ...overrides,
  };
}

export async function storeShipment(store: Store, now: Date, overrides: Partial<NewShipment> = {}): Promise<Shipment> {
  const [result] = await store.shipments.registerMany([newShipment(overrides)], now);
  if (!result?.ok) throw new Error(`could not store test shipment: ${result?.error.message}`);
  return result.shipment;
}

export function carrierEvent(iso: string, status: ShipmentStatus, rawCode: string, substatus: Substatus | null = null, city = 'İstanbul'): CarrierEvent {
  return {
    occurredAt: new Date(iso),
    localTime: iso,
    timeZone: 'Europe/Istanbul',
    rawCode,
    rawText: `${rawCode} açıklaması`,
    location: { text: city, city, country: 'TR' },
    status,
    substatus,
  };
}
