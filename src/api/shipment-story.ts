import type { Shipment } from '../domain/shipment.js';
import type { ApiContext } from './context.js';
import { presentShipmentWithEvents, type PresentationContext } from './presenters/shipment.js';

/** The presenter's inputs for one request: the clock is read once, so every item agrees. */
export function presentationOf(ctx: ApiContext): PresentationContext {
  return { now: ctx.now(), registry: ctx.registry };
}

/** A shipment with its events and anomalies: the whole story support needs. */
export async function shipmentStories(ctx: ApiContext, shipments: readonly Shipment[]) {
  const anomalies = await ctx.store.anomalies.forShipments(shipments.map((s) => s.id));
  const at = presentationOf(ctx);
  return Promise.all(
    shipments.map(async (s) => presentShipmentWithEvents(s, await ctx.store.events.listForShipment(s.id), anomalies.get(s.id) ?? [], at)),
  );
}

export async function shipmentStory(ctx: ApiContext, shipment: Shipment) {
  const [story] = await shipmentStories(ctx, [shipment]);
  if (!story) throw new Error('no story for a shipment we just read');
  return story;
}
