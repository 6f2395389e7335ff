/**
 * Registering shipments: validate each item, settle its carrier (given or detected from the
 * number), then store every good item. A bad item is reported with its reason; it never stops the
 * others and never leaves anything half-written.
 */
import type { CarrierRegistry } from '../../carriers/registry.js';
import { UnprocessableError, type ShipwatchError } from '../domain/errors.js';
import { normaliseTrackingNumber, type NewShipment } from '../domain/shipment.js';
import type { RegisterResult, Store } from '../store/types.js';
import { shipmentInputSchema, type ShipmentInput } from '../api/schemas/shipment.js';
import { validationErrorFrom } from '../api/schemas/validate.js';

export type RegistrationOutcome = RegisterResult;

/** Tracks whatever no direct adapter does, when configured (issue 5). */
export const LONG_TAIL_CARRIER = '17track';

export interface RegistrationDeps {
  store: Store;
  registry: CarrierRegistry;
  now: () => Date;
  /** The promised deadline on the shop's business calendar (DESIGN §8). */
  deadlineOf: (shipment: Pick<NewShipment, 'promisedBy' | 'shippedAt' | 'serviceLevel'>) => Date | null;
}

export async function registerShipments(deps: RegistrationDeps, items: readonly unknown[]): Promise<RegistrationOutcome[]> {
  const outcomes: (RegistrationOutcome | undefined)[] = new Array(items.length);
  const accepted: { index: number; shipment: NewShipment }[] = [];

  items.forEach((item, index) => {
    const parsed = shipmentInputSchema.safeParse(item);
    if (!parsed.success) {
      outcomes[index] = { ok: false, error: validationErrorFrom(parsed.error, 'shipment') };
      return;
    }
    const carrier = settleCarrier(deps.registry, parsed.data);
    if (typeof carrier !== 'string') {
      outcomes[index] = { ok: false, error: carrier };
      return;
    }
    accepted.push({ index, shipment: toNewShipment(parsed.data, carrier, deps.deadlineOf) });
  });

  const stored = await deps.store.shipments.registerMany(
    accepted.map((a) => a.shipment),
    deps.now(),
  );
  stored.forEach((result, i) => {
    const slot = accepted[i];
    if (slot) outcomes[slot.index] = result;
  });
  return outcomes.map((o) => o ?? { ok: false, error: new Error('not processed') });
}

function settleCarrier(registry: CarrierRegistry, input: ShipmentInput): string | ShipwatchError {
  if (input.carrier) {
    const definition = registry.definition(input.carrier);
    if (!definition) {
      return new UnprocessableError('carrier_unknown', `unknown carrier "${input.carrier}"; known carriers: ${registry.codes.join(', ')}`, {
        field: 'carrier',
        details: { known: registry.codes },
      });
    }
    // A carrier without credentials yet still takes shipments: they wait, pending, until it is configured.
    return input.carrier;
  }
  if (!input.trackingNumber) {
    return new UnprocessableError('carrier_required', 'carrier is required when only a reference is given', { field: 'carrier' });
  }
  const detection = registry.detect(normaliseTrackingNumber(input.trackingNumber));
  switch (detection.kind) {
    case 'detected':
      return detection.code;
    case 'unknown':
      // The long tail: with 17TRACK configured, a number no direct adapter knows is tracked there.
      if (registry.adapter(LONG_TAIL_CARRIER)) return LONG_TAIL_CARRIER;
      return new UnprocessableError('carrier_not_detected', 'no carrier recognises this tracking number; name the carrier', {
        field: 'carrier',
        details: { candidates: [] },
      });
    case 'ambiguous':
      return new UnprocessableError(
        'carrier_ambiguous',
        `several carriers recognise this tracking number (${detection.candidates.join(', ')}); name the carrier`,
        { field: 'carrier', details: { candidates: detection.candidates } },
      );
  }
}

function toNewShipment(input: ShipmentInput, carrier: string, deadlineOf: RegistrationDeps['deadlineOf']): NewShipment {
  const shippedAt = input.shippedAt ? new Date(input.shippedAt) : null;
  const promisedBy = input.promisedBy ?? null;
  const serviceLevel = input.serviceLevel ?? null;
  return {
    carrier,
    trackingNumber: input.trackingNumber ? normaliseTrackingNumber(input.trackingNumber) : null,
    reference: input.reference ?? null,
    orderId: input.orderId ?? null,
    customer: {
      name: input.customer?.name ?? null,
      email: input.customer?.email ?? null,
      phone: input.customer?.phone ?? null,
    },
    destination: { city: input.destination?.city ?? null, country: input.destination?.country ?? null },
    serviceLevel,
    carrierService: input.carrierService ?? null,
    shippedAt,
    promisedBy,
    deadlineAt: deadlineOf({ promisedBy, shippedAt, serviceLevel }),
    returnRequested: input.returnRequested ?? false,
  };
}
