import { UNKNOWN_TIME_ZONE } from '../../../carriers/contract.js';
import { presentEvent } from '../../../src/api/presenters/shipment.js';
import type { TrackingEvent } from '../../../src/domain/shipment.js';

function event(overrides: Partial<TrackingEvent>): TrackingEvent {
  return {
    id: 1,
    shipmentId: 'shp_1',
    fingerprint: 'fp',
    occurredAt: new Date('2023-05-08T10:37:00Z'),
    localTime: '2023-05-08T10:37:00',
    timeZone: '-05:00',
    status: 'in_transit',
    substatus: null,
    carrierCode: 'transit',
    description: 'Processed at facility',
    location: 'Leipzig',
    city: 'Leipzig',
    country: 'DE',
    source: 'poll',
    receivedAt: new Date('2023-05-09T00:00:00Z'),
    ...overrides,
  };
}

describe('presentEvent', () => {
  it('shows the UTC instant when the carrier gave an offset or a UTC value', () => {
    expect(presentEvent(event({}))).toMatchObject({ occurredAt: '2023-05-08T10:37:00.000Z', localTime: '2023-05-08T10:37:00', timeZone: '-05:00' });
  });

  it('never shows a local time of unknown zone as a UTC instant', () => {
    const shown = presentEvent(event({ timeZone: UNKNOWN_TIME_ZONE }));
    expect(shown.occurredAt).toBeNull();
    expect(shown).toMatchObject({ localTime: '2023-05-08T10:37:00', timeZone: UNKNOWN_TIME_ZONE });
  });
});
