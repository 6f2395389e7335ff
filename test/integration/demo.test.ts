import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { SANDBOX_SCENARIOS, sandboxTrackingNumber } from '../../carriers/sandbox/index.js';
import { startTestService, type TestService } from '../support/service.js';

interface ShipmentJson {
  anomalies: { code: string; state: string }[];
  status: string;
  substatus: string | null;
  lastEventAt: string | null;
  promisedBy: string | null;
  events: { status: string }[];
}

/** What each scenario must show right after start-up (issue: "already in its telling state"). */
const TELLING_STATE: Record<string, (s: ShipmentJson, now: number) => void> = {
  'normal-delivery': (s) => expect(s.status).toBe('delivered'),
  'delivered-without-scan': (s) => {
    expect(s.status).toBe('delivered');
    const physical = ['in_transit', 'out_for_delivery', 'available_for_pickup', 'attempt_failed'];
    expect(s.events.filter((e) => physical.includes(e.status))).toEqual([]);
  },
  'stuck-in-transit': (s, now) => {
    expect(s.status).toBe('in_transit');
    expect(now - Date.parse(s.lastEventAt ?? '')).toBeGreaterThan(3 * 24 * 3_600_000);
  },
  'late-against-promise': (s, now) => {
    expect(s.status).toBe('in_transit');
    expect(Date.parse(`${s.promisedBy}T23:59:59+03:00`)).toBeLessThan(now);
  },
  damaged: (s) => expect(s).toMatchObject({ status: 'exception', substatus: 'exception.damaged' }),
  'failed-attempt-then-delivered': (s) => expect(s.status).toBe('attempt_failed'),
  'waiting-at-branch': (s) => expect(s.status).toBe('available_for_pickup'),
  'returned-to-sender': (s) => expect(s.status).toBe('returned'),
  'never-found': (s) => expect(s.status).toBe('not_found'),
  'out-for-delivery-now': (s) => expect(s.status).toBe('out_for_delivery'),
};

/** The anomaly each scenario exists to show (issue 3: "each sandbox scenario produces its expected anomaly"). */
const EXPECTED_ANOMALY: Record<string, string | null> = {
  'normal-delivery': null,
  'delivered-without-scan': 'delivered_without_scan',
  'stuck-in-transit': 'stalled',
  'late-against-promise': 'late',
  damaged: 'exception',
  'failed-attempt-then-delivered': 'delivery_failed',
  'waiting-at-branch': 'awaiting_pickup',
  'returned-to-sender': 'returning',
  'never-found': 'not_found',
  'out-for-delivery-now': null,
};

let t: TestService;

beforeAll(async () => {
  t = await startTestService({ DEMO_DATA: 'true' });
});
afterAll(async () => {
  await t.close();
});

describe('embedded demo', () => {
  it('seeds one shipment per scenario into an empty database', () => {
    expect(t.service.demoShipments).toBe(SANDBOX_SCENARIOS.length);
    expect(SANDBOX_SCENARIOS.map((s) => s.key).sort()).toEqual(Object.keys(TELLING_STATE).sort());
  });

  it('shows every scenario in its telling state, with its anomaly, after the first poll and sweep', async () => {
    await t.service.scheduler.runNow();
    await t.service.sweeper.runNow();
    const api = request(t.service.url);
    const now = Date.now();
    for (const scenario of SANDBOX_SCENARIOS) {
      const res = await api.get(`/v1/track/${sandboxTrackingNumber(scenario.code, 1)}`).set(t.auth());
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
      const shipment = res.body.items[0] as ShipmentJson;
      try {
        TELLING_STATE[scenario.key]?.(shipment, now);
        const expected = EXPECTED_ANOMALY[scenario.key];
        const codes = shipment.anomalies.map((a) => a.code);
        if (expected) expect(codes).toContain(expected);
        else expect(codes).toEqual([]);
      } catch (error) {
        throw new Error(`scenario ${scenario.key}: ${(error as Error).message}`);
      }
    }
  });

  it('writes the critical mails and a digest into the outbox folder', async () => {
    const critical = await t.service.mailer.tick();
    expect(critical.sent).toBeGreaterThanOrEqual(2);
    const digest = await t.service.mailer.sendDigest();
    expect(digest.sent).toBe(true);
    const files = readdirSync(join(t.dataDir, 'outbox')).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(critical.sent + 1);
    const all = files.map((f) => readFileSync(join(t.dataDir, 'outbox', f), 'utf8')).join('\n');
    expect(all).toContain('SBX0200000015');
    expect(all).toContain('SBX0500000012');
  });
});
