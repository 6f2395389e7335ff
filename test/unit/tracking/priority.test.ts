import type { Shipment } from '../../../src/domain/shipment.js';
import { orderByPriority, pollPriority } from '../../../src/tracking/priority.js';
import { ruleInput } from '../../support/rule-input.js';

const now = new Date('2026-11-23T12:00:00Z');
const HOUR = 3_600_000;
const ago = (h: number) => new Date(now.getTime() - h * HOUR);

let serial = 0;
function shipment(overrides: Partial<Shipment>): Shipment {
  serial += 1;
  const base = ruleInput({ now: now.toISOString() }).shipment;
  return { ...base, id: `shp_${String(serial).padStart(3, '0')}`, status: 'in_transit', lastEventAt: ago(5), createdAt: ago(48), nextPollAt: ago(1), ...overrides };
}

describe('poll priority', () => {
  it.each([
    ['out for delivery', { status: 'out_for_delivery' as const }, 'out_for_delivery'],
    ['a deadline within 24 h', { deadlineAt: new Date(now.getTime() + 20 * HOUR) }, 'deadline'],
    ['a deadline already past', { deadlineAt: ago(72) }, 'deadline'],
    ['a failed attempt', { status: 'attempt_failed' as const }, 'attempt_failed'],
    ['an exception heard of 3 h ago', { status: 'exception' as const, lastEventAt: ago(3) }, 'fresh_exception'],
    ['an exception from two days ago', { status: 'exception' as const, lastEventAt: ago(48) }, 'normal'],
    ['in transit', {}, 'normal'],
    ['no event for 8 days', { lastEventAt: ago(8 * 24) }, 'quiet'],
    ['never heard of, registered 8 days ago', { lastEventAt: null, createdAt: ago(8 * 24), status: 'pending' as const }, 'quiet'],
    ['delivered, awaiting its confirming poll', { status: 'delivered' as const, deadlineAt: ago(1) }, 'terminal'],
  ])('ranks %s as %s', (_name, overrides, expected) => {
    expect(pollPriority(shipment(overrides), now)).toBe(expected);
  });

  it('orders the urgent first, then the rest by how long they are overdue, quiet and finished last', () => {
    const list = [
      shipment({ status: 'delivered', nextPollAt: ago(50) }),
      shipment({ lastEventAt: ago(10 * 24), nextPollAt: ago(40) }),
      shipment({ nextPollAt: ago(2) }),
      shipment({ nextPollAt: ago(9) }),
      shipment({ status: 'exception', lastEventAt: ago(1) }),
      shipment({ status: 'attempt_failed' }),
      shipment({ deadlineAt: new Date(now.getTime() + HOUR) }),
      shipment({ status: 'out_for_delivery', nextPollAt: ago(0.1) }),
    ];
    expect(orderByPriority(list, now).map((s) => list.indexOf(s))).toEqual([7, 6, 5, 4, 3, 2, 1, 0]);
  });
});
