import { deriveCurrentStatus, type StatusEvent } from '../../../src/tracking/current-status.js';

const at = (iso: string) => new Date(iso);
const ev = (iso: string, status: StatusEvent['status'], substatus: StatusEvent['substatus'] = null): StatusEvent => ({
  occurredAt: at(iso),
  status,
  substatus,
});

describe('deriveCurrentStatus', () => {
  it('is pending with no events', () => {
    expect(deriveCurrentStatus([])).toEqual({ status: 'pending', substatus: null, lastEventAt: null, statusSince: null });
  });

  it('takes the latest event by occurredAt, not by arrival order', () => {
    const result = deriveCurrentStatus([
      ev('2026-03-02T10:00:00Z', 'out_for_delivery'),
      ev('2026-03-01T08:00:00Z', 'info_received'),
      ev('2026-03-01T12:00:00Z', 'in_transit', 'in_transit.hub_scan'),
    ]);
    expect(result.status).toBe('out_for_delivery');
    expect(result.lastEventAt).toEqual(at('2026-03-02T10:00:00Z'));
  });

  it('keeps the substatus of the event that set the status', () => {
    const result = deriveCurrentStatus([ev('2026-03-01T08:00:00Z', 'in_transit'), ev('2026-03-01T09:00:00Z', 'exception', 'exception.damaged')]);
    expect(result).toMatchObject({ status: 'exception', substatus: 'exception.damaged' });
  });

  it('does not undo delivered with movement stamped up to 2 hours after it', () => {
    const result = deriveCurrentStatus([
      ev('2026-03-02T10:00:00Z', 'delivered', 'delivered.signed'),
      ev('2026-03-02T11:59:00Z', 'out_for_delivery'),
      ev('2026-03-02T12:00:00Z', 'in_transit'),
    ]);
    expect(result).toMatchObject({ status: 'delivered', substatus: 'delivered.signed', statusSince: at('2026-03-02T10:00:00Z') });
    // The late scans still count as the last thing heard.
    expect(result.lastEventAt).toEqual(at('2026-03-02T12:00:00Z'));
  });

  it('lets movement more than 2 hours after delivery change the status', () => {
    const result = deriveCurrentStatus([ev('2026-03-02T10:00:00Z', 'delivered'), ev('2026-03-02T12:00:01Z', 'in_transit')]);
    expect(result.status).toBe('in_transit');
  });

  it('lets non-movement statuses after delivery through at once (a return, an exception)', () => {
    const result = deriveCurrentStatus([ev('2026-03-02T10:00:00Z', 'delivered'), ev('2026-03-02T10:30:00Z', 'returning')]);
    expect(result.status).toBe('returning');
  });

  it('breaks ties on the same instant by arrival order', () => {
    const result = deriveCurrentStatus([ev('2026-03-02T10:00:00Z', 'in_transit'), ev('2026-03-02T10:00:00Z', 'out_for_delivery')]);
    expect(result.status).toBe('out_for_delivery');
  });
});
