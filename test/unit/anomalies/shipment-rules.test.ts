import { atRisk } from '../../../src/anomalies/rules/at-risk.js';
import { awaitingPickup } from '../../../src/anomalies/rules/awaiting-pickup.js';
import { deliveredWithoutScan } from '../../../src/anomalies/rules/delivered-without-scan.js';
import { deliveryFailed } from '../../../src/anomalies/rules/delivery-failed.js';
import { exception } from '../../../src/anomalies/rules/exception.js';
import { late } from '../../../src/anomalies/rules/late.js';
import { notFound } from '../../../src/anomalies/rules/not-found.js';
import { notShipped } from '../../../src/anomalies/rules/not-shipped.js';
import { returning } from '../../../src/anomalies/rules/returning.js';
import { stalled } from '../../../src/anomalies/rules/stalled.js';
import { statusRegression } from '../../../src/anomalies/rules/status-regression.js';
import type { Anomaly, ShipmentRule } from '../../../src/anomalies/types.js';
import { ruleInput, type Step } from '../../support/rule-input.js';

function anomaly(rule: ShipmentRule, details: Anomaly['details'] = {}): Anomaly {
  const at = new Date('2026-01-01T00:00:00Z');
  return {
    id: 'anm_1', shipmentId: 'shp_test', carrier: 'sandbox', code: rule.code, severity: rule.severity, state: 'open', triggerKey: 't',
    openedAt: at, acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null, resolution: null, note: null, details, updatedAt: at,
  };
}

const LABEL: Step = ['2026-03-16T09:00:00+03:00', 'info_received'];
const PICKED: Step = ['2026-03-16T15:00:00+03:00', 'in_transit', 'in_transit.picked_up'];

describe('delivered_without_scan', () => {
  it('opens (critical) when delivered follows only a label', () => {
    const input = ruleInput({ steps: [LABEL, ['2026-03-17T10:00:00+03:00', 'delivered']], now: '2026-03-17T12:00:00+03:00' });
    expect(deliveredWithoutScan.opens(input)).toMatchObject({ details: { deliveredAt: '2026-03-17T07:00:00.000Z' } });
    expect(deliveredWithoutScan.severity).toBe('critical');
  });
  it('does not open when a physical scan came before the delivery, whatever order the scans arrived in', () => {
    const input = ruleInput({ steps: [['2026-03-17T10:00:00+03:00', 'delivered'], PICKED, LABEL], now: '2026-03-17T12:00:00+03:00' });
    expect(deliveredWithoutScan.opens(input)).toBeNull();
  });
  it('counts a scan stamped after the delivery as no proof', () => {
    const input = ruleInput({ steps: [LABEL, ['2026-03-17T10:00:00+03:00', 'delivered'], ['2026-03-17T11:00:00+03:00', 'in_transit']], now: '2026-03-17T12:00:00+03:00' });
    expect(input.shipment.status).toBe('delivered');
    expect(deliveredWithoutScan.opens(input)).not.toBeNull();
  });
  it('is resolved by a person only', () => {
    const input = ruleInput({ steps: [LABEL, ['2026-03-17T10:00:00+03:00', 'delivered']], now: '2026-03-20T12:00:00+03:00' });
    expect(deliveredWithoutScan.resolves(input, anomaly(deliveredWithoutScan))).toBeNull();
  });
});

describe('status_regression', () => {
  const delivered: Step = ['2026-03-17T10:00:00+03:00', 'delivered'];
  it('opens when the parcel moves more than 2 hours after delivery', () => {
    const input = ruleInput({ steps: [PICKED, delivered, ['2026-03-17T12:30:00+03:00', 'in_transit']], now: '2026-03-17T13:00:00+03:00' });
    expect(statusRegression.opens(input)).toMatchObject({ details: { movedAt: '2026-03-17T09:30:00.000Z', status: 'in_transit' } });
  });
  it('does not open for scans stamped within the 2-hour grace', () => {
    const input = ruleInput({ steps: [PICKED, delivered, ['2026-03-17T11:30:00+03:00', 'out_for_delivery']], now: '2026-03-17T13:00:00+03:00' });
    expect(input.shipment.status).toBe('delivered');
    expect(statusRegression.opens(input)).toBeNull();
  });
});

describe('late', () => {
  const deadlineAt = new Date('2026-03-18T23:59:59.999+03:00');
  it('does not open before the deadline', () => {
    expect(late.opens(ruleInput({ steps: [LABEL, PICKED], now: '2026-03-18T23:00:00+03:00', shipment: { deadlineAt } }))).toBeNull();
  });
  it('opens high just past the deadline, with how late', () => {
    const finding = late.opens(ruleInput({ steps: [LABEL, PICKED], now: '2026-03-19T06:00:00+03:00', shipment: { deadlineAt } }));
    expect(finding?.severity).toBe('high');
    expect(finding?.details['deadline']).toBe(deadlineAt.toISOString());
    expect(finding?.details['lateBusinessDays']).toBeCloseTo(0.25, 2);
  });
  it('turns critical past 2 business days, counting the Ramazan Bayramı as no business days', () => {
    // Thu 19 Mar 2026 is the half-day arife (13 h), 20–22 Mar the bayram: Mon 23 Mar 12:00 is 13 + 12 = 25 h late.
    const notYet = late.opens(ruleInput({ steps: [LABEL, PICKED], now: '2026-03-23T12:00:00+03:00', shipment: { deadlineAt } }));
    expect(notYet?.severity).toBe('high');
    const critical = late.opens(ruleInput({ steps: [LABEL, PICKED], now: '2026-03-24T12:00:00+03:00', shipment: { deadlineAt } }));
    expect(critical?.severity).toBe('critical');
  });
  it('does not open without a deadline or once delivered', () => {
    expect(late.opens(ruleInput({ steps: [LABEL, PICKED], now: '2026-04-01T12:00:00+03:00' }))).toBeNull();
    const delivered = ruleInput({ steps: [LABEL, PICKED, ['2026-03-25T10:00:00+03:00', 'delivered']], now: '2026-04-01T12:00:00+03:00', shipment: { deadlineAt } });
    expect(late.opens(delivered)).toBeNull();
    expect(late.resolves(delivered, anomaly(late))).toMatch(/^delivered .* business days after the deadline/);
  });
});

describe('at_risk', () => {
  const deadlineAt = new Date('2026-03-18T23:59:59.999+03:00');
  it('opens when the deadline is within a business day and nothing has moved', () => {
    const input = ruleInput({ steps: [LABEL], now: '2026-03-18T08:00:00+03:00', shipment: { deadlineAt } });
    expect(atRisk.opens(input)).toMatchObject({ details: { reason: 'deadline_near' } });
  });
  it('does not open while there is time, or once the parcel moves', () => {
    expect(atRisk.opens(ruleInput({ steps: [LABEL], now: '2026-03-16T10:00:00+03:00', shipment: { deadlineAt } }))).toBeNull();
    expect(atRisk.opens(ruleInput({ steps: [LABEL, PICKED], now: '2026-03-18T08:00:00+03:00', shipment: { deadlineAt } }))).toBeNull();
  });
  it('opens when the carrier estimates delivery after the deadline', () => {
    const input = ruleInput({ steps: [LABEL, PICKED], now: '2026-03-16T18:00:00+03:00', shipment: { deadlineAt, estimatedDelivery: '2026-03-20' } });
    expect(atRisk.opens(input)).toMatchObject({ details: { reason: 'estimate_after_deadline' } });
  });
  it('steps aside for late and resolves on delivery', () => {
    const input = ruleInput({ steps: [LABEL], now: '2026-03-18T08:00:00+03:00', shipment: { deadlineAt }, unresolved: ['late'] });
    expect(atRisk.opens(input)).toBeNull();
    expect(atRisk.resolves(input, anomaly(atRisk))).toBe('superseded by late');
  });
});

describe('stalled', () => {
  const friday: Step = ['2026-03-13T10:00:00+03:00', 'in_transit'];
  it('does not count Sunday: Friday 10:00 to Tuesday 09:00 is under 3 business days', () => {
    expect(stalled.opens(ruleInput({ steps: [friday], now: '2026-03-17T09:00:00+03:00' }))).toBeNull();
  });
  it('opens once 3 business days have passed', () => {
    expect(stalled.opens(ruleInput({ steps: [friday], now: '2026-03-17T11:00:00+03:00' }))).toMatchObject({
      details: { since: '2026-03-13T07:00:00.000Z', status: 'in_transit' },
    });
  });
  it('does not count the bayram and counts only the morning of its eve', () => {
    const wednesday: Step = ['2026-03-18T12:00:00+03:00', 'in_transit'];
    expect(stalled.opens(ruleInput({ steps: [wednesday], now: '2026-03-24T22:00:00+03:00' }))).toBeNull();
    expect(stalled.opens(ruleInput({ steps: [wednesday], now: '2026-03-24T23:30:00+03:00' }))).not.toBeNull();
  });
  it('uses the shorter limit when out for delivery', () => {
    const ofd: Step = ['2026-03-16T09:00:00+03:00', 'out_for_delivery'];
    expect(stalled.opens(ruleInput({ steps: [ofd], now: '2026-03-17T08:00:00+03:00' }))).toBeNull();
    expect(stalled.opens(ruleInput({ steps: [ofd], now: '2026-03-17T10:00:00+03:00' }))).not.toBeNull();
  });
  it('resolves when a new event arrives', () => {
    const input = ruleInput({ steps: [friday, ['2026-03-18T10:00:00+03:00', 'in_transit']], now: '2026-03-18T11:00:00+03:00' });
    expect(stalled.resolves(input, anomaly(stalled, { since: '2026-03-13T07:00:00.000Z' }))).toBe('a new event arrived');
  });
});

describe('not_shipped', () => {
  it('opens 2 business days after shipping with no physical scan, skipping Sunday', () => {
    const shippedAt = new Date('2026-03-13T10:00:00+03:00');
    expect(notShipped.opens(ruleInput({ steps: [['2026-03-13T10:00:00+03:00', 'info_received']], now: '2026-03-15T12:00:00+03:00', shipment: { shippedAt } }))).toBeNull();
    expect(notShipped.opens(ruleInput({ steps: [['2026-03-13T10:00:00+03:00', 'info_received']], now: '2026-03-16T11:00:00+03:00', shipment: { shippedAt } }))).not.toBeNull();
  });
  it('resolves at the first physical scan', () => {
    const input = ruleInput({ steps: [LABEL, PICKED], now: '2026-03-20T12:00:00+03:00' });
    expect(notShipped.opens(input)).toBeNull();
    expect(notShipped.resolves(input, anomaly(notShipped))).toBe('first physical scan');
  });
});

describe('delivery_failed', () => {
  const failed: Step = ['2026-03-17T14:00:00+03:00', 'attempt_failed', 'attempt_failed.recipient_absent'];
  it('opens on a failed attempt and resolves on delivery', () => {
    expect(deliveryFailed.opens(ruleInput({ steps: [PICKED, failed], now: '2026-03-17T15:00:00+03:00' }))).toMatchObject({
      details: { attemptedAt: '2026-03-17T11:00:00.000Z', substatus: 'attempt_failed.recipient_absent' },
    });
    const delivered = ruleInput({ steps: [PICKED, failed, ['2026-03-18T11:00:00+03:00', 'delivered']], now: '2026-03-18T12:00:00+03:00' });
    expect(deliveryFailed.opens(delivered)).toBeNull();
    expect(deliveryFailed.resolves(delivered, anomaly(deliveryFailed))).toBe('delivered');
  });
});

describe('awaiting_pickup', () => {
  const atBranch: Step = ['2026-03-16T16:00:00+03:00', 'available_for_pickup'];
  it('opens after more than 3 days at the branch', () => {
    expect(awaitingPickup.opens(ruleInput({ steps: [PICKED, atBranch], now: '2026-03-19T16:00:00+03:00' }))).toBeNull();
    expect(awaitingPickup.opens(ruleInput({ steps: [PICKED, atBranch], now: '2026-03-19T16:01:00+03:00' }))).toMatchObject({ details: { since: '2026-03-16T13:00:00.000Z' } });
  });
  it('resolves when picked up (delivered) or returned', () => {
    const input = ruleInput({ steps: [PICKED, atBranch, ['2026-03-20T10:00:00+03:00', 'delivered']], now: '2026-03-20T11:00:00+03:00' });
    expect(awaitingPickup.resolves(input, anomaly(awaitingPickup))).toBe('delivered');
  });
});

describe('exception', () => {
  it('is critical for damaged or lost parcels and high otherwise', () => {
    const damaged = exception.opens(ruleInput({ steps: [PICKED, ['2026-03-17T10:00:00+03:00', 'exception', 'exception.damaged']], now: '2026-03-17T11:00:00+03:00' }));
    expect(damaged).toMatchObject({ severity: 'critical', details: { substatus: 'exception.damaged' } });
    const address = exception.opens(ruleInput({ steps: [PICKED, ['2026-03-17T10:00:00+03:00', 'exception', 'exception.address_issue']], now: '2026-03-17T11:00:00+03:00' }));
    expect(address?.severity).toBe('high');
  });
  it('resolves on delivery', () => {
    const input = ruleInput({ steps: [PICKED, ['2026-03-17T10:00:00+03:00', 'exception', 'exception.held'], ['2026-03-19T10:00:00+03:00', 'delivered']], now: '2026-03-19T11:00:00+03:00' });
    expect(exception.resolves(input, anomaly(exception))).toBe('delivered');
  });
});

describe('returning', () => {
  const back: Step = ['2026-03-18T10:00:00+03:00', 'returning'];
  it('opens for a return the shop did not ask for', () => {
    expect(returning.opens(ruleInput({ steps: [PICKED, back], now: '2026-03-18T11:00:00+03:00' }))).not.toBeNull();
    expect(returning.opens(ruleInput({ steps: [PICKED, back], now: '2026-03-18T11:00:00+03:00', shipment: { returnRequested: true } }))).toBeNull();
  });
});

describe('not_found', () => {
  it('opens 24 hours after registration and resolves once found', () => {
    const createdAt = new Date('2026-03-16T10:00:00+03:00');
    expect(notFound.opens(ruleInput({ now: '2026-03-17T09:59:00+03:00', shipment: { status: 'not_found', createdAt } }))).toBeNull();
    expect(notFound.opens(ruleInput({ now: '2026-03-17T10:00:00+03:00', shipment: { status: 'not_found', createdAt } }))).not.toBeNull();
    const shippedEarlier = { status: 'not_found' as const, createdAt, shippedAt: new Date('2026-03-15T08:00:00+03:00') };
    expect(notFound.opens(ruleInput({ now: '2026-03-16T09:00:00+03:00', shipment: shippedEarlier }))).toMatchObject({ details: { since: '2026-03-15T05:00:00.000Z' } });
    const found = ruleInput({ steps: [PICKED], now: '2026-03-17T11:00:00+03:00', shipment: { createdAt } });
    expect(notFound.resolves(found, anomaly(notFound))).toBe('the carrier found it');
  });
});
