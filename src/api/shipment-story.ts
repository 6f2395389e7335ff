import type { Shipment } from '../domain/shipment.js';
import type { ApiContext } from './context.js';
import { presentShipmentWithEvents } from './presenters/shipment.js';

/** A shipment with its events and anomalies: the whole story support needs. */
export async function shipmentStories(ctx: ApiContext, shipments: readonly Shipment[]) {
  const anomalies = await ctx.store.anomalies.forShipments(shipments.map((s) => s.id));
  return Promise.all(
    shipments.map(async (s) => presentShipmentWithEvents(s, await ctx.store.events.listForShipment(s.id), anomalies.get(s.id) ?? [])),
  );
}

export async function shipmentStory(ctx: ApiContext, shipment: Shipment) {
  const [story] = await shipmentStories(ctx, [shipment]);
  if (!story) throw new Error('no story for a shipment we just read');
  return story;
}
