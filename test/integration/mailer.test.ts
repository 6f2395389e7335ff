import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMailer, type Mailer } from '../../src/alerts/mailer.js';
import { createAlertTransport } from '../../src/alerts/transport.js';
import type { AnomalyChange } from '../../src/store/types.js';
import { loadConfig } from '../../src/config/load.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/types.js';
import { captureLogger } from '../support/logger.js';
import { storeShipment } from '../support/shipments.js';
import { startSmtpServer } from '../support/smtp.js';
import { makeTempDir } from '../support/temp-dir.js';

const PASSWORD = 'marker-smtp-password';
let clock = new Date('2026-03-17T09:00:00+03:00');
const dir = makeTempDir('mailer');
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let store: Store;
const logs = captureLogger();
const mailers: Mailer[] = [];
let serial = 0;

function alertsConfig(env: Record<string, string>) {
  return loadConfig({ DATA_DIR: dir.path, ALERT_EMAIL_TO: 'ops@shop.example, owner@shop.example', PUBLIC_URL: 'https://track.shop.example', ...env }).alerts;
}

function mailer(env: Record<string, string> = {}, on: Store = store): Mailer {
  const alerts = alertsConfig({ SMTP_URL: `smtp://shop:${PASSWORD}@127.0.0.1:${smtp.port}`, ...env });
  const m = createMailer({ store: on.alerts, transport: createAlertTransport(alerts, dir.path), alerts, timeZone: 'Europe/Istanbul', now: () => clock, logger: logs.logger, random: () => 0 });
  mailers.push(m);
  return m;
}

async function open(code: AnomalyChange & { kind: 'open' } extends infer O ? Partial<O> : never) {
  serial += 1;
  const shipment = await storeShipment(store, clock, {
    trackingNumber: `MAIL${serial}`,
    orderId: `SIP-${serial}`,
    customer: { name: 'Ayşe <script>alert(1)</script>', email: null, phone: null },
  });
  const result = await store.anomalies.apply(
    [
      {
        kind: 'open',
        shipmentId: shipment.id,
        carrier: 'sandbox',
        code: 'exception',
        severity: 'critical',
        triggerKey: `t${serial}`,
        details: { substatus: 'exception.damaged', description: 'Hasarlı <b>kutu</b>', since: clock.toISOString() },
        ...code,
      },
    ],
    clock,
  );
  return { shipment, anomaly: result.opened[0]! };
}

beforeAll(async () => {
  smtp = await startSmtpServer({ user: 'shop', password: PASSWORD });
  store = openSqliteStore(dir.path);
});
afterAll(async () => {
  for (const m of mailers) await m.stop();
  await store.close();
  await smtp.close();
  dir.remove();
});
beforeEach(() => {
  smtp.state.behaviour = 'accept';
});

describe('critical alert mail', () => {
  it('sends one mail per critical anomaly, exactly once, and none for lower severities', async () => {
    const first = await open({});
    const second = await open({ code: 'delivered_without_scan', details: { deliveredAt: clock.toISOString() } });
    await open({ code: 'stalled', severity: 'medium', details: { since: clock.toISOString() } });
    const m = mailer();
    expect(await m.tick()).toEqual({ sent: 2, failed: 0 });
    expect(await m.tick()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[0]?.to).toEqual(['ops@shop.example', 'owner@shop.example']);
    const mail = smtp.received.find((r) => r.raw.includes(first.shipment.trackingNumber!))?.raw ?? '';
    expect(mail).toContain(`Message-ID: <anomaly-${first.anomaly.id}@shipwatch>`);
    expect(smtp.received.some((r) => r.raw.includes(second.shipment.trackingNumber!))).toBe(true);
  });

  it('keeps a refused mail pending (4xx and 5xx) and sends it after the back-off', async () => {
    for (const behaviour of ['refuse_4xx', 'refuse_5xx', 'drop'] as const) {
      const { anomaly } = await open({});
      const before = smtp.received.length;
      smtp.state.behaviour = behaviour;
      const m = mailer();
      expect(await m.tick()).toEqual({ sent: 0, failed: 1 });
      const [row] = (await store.alerts.pendingImmediate(new Date(clock.getTime() + 3_600_000), 10)).filter((p) => p.row.anomalyId === anomaly.id);
      expect(row?.row.attempts).toBe(1);
      expect(row?.row.lastError).toMatch(behaviour === 'drop' ? /SMTP/ : behaviour === 'refuse_4xx' ? /451/ : /550/);
      expect(row?.row.nextAttemptAt.getTime()).toBe(clock.getTime() + 60_000);

      smtp.state.behaviour = 'accept';
      expect(await m.tick()).toEqual({ sent: 0, failed: 0 }); // not due yet
      clock = new Date(clock.getTime() + 61_000);
      expect(await m.tick()).toEqual({ sent: 1, failed: 0 });
      expect(smtp.received.length).toBe(before + 1);
    }
  });

  it('sends nothing already accepted after a restart', async () => {
    await open({});
    await mailer().tick();
    const count = smtp.received.length;
    const reopened = openSqliteStore(dir.path);
    try {
      expect(await mailer({}, reopened).tick()).toEqual({ sent: 0, failed: 0 });
      expect(smtp.received.length).toBe(count);
    } finally {
      await reopened.close();
    }
  });

  it('never writes the SMTP password into logs or stored errors', async () => {
    const { anomaly } = await open({});
    const wrong = mailer({ SMTP_URL: `smtp://shop:${PASSWORD}-wrong@127.0.0.1:${smtp.port}` });
    expect(await wrong.tick()).toMatchObject({ sent: 0 });
    const [row] = (await store.alerts.pendingImmediate(new Date(clock.getTime() + 3_600_000), 50)).filter((p) => p.row.anomalyId === anomaly.id);
    expect(row?.row.lastError).toMatch(/SMTP/);
    expect(row?.row.lastError).not.toContain(PASSWORD);
    expect(logs.text()).not.toContain(PASSWORD);
    clock = new Date(clock.getTime() + 3_600_000);
    await mailer().tick();
  });
});

describe('digest', () => {
  it('lists what is new since the last digest and what is still open, by severity', async () => {
    await mailer().tick();
    const m = mailer();
    const first = await m.sendDigest();
    expect(first.sent).toBe(true);
    expect(first.newCount).toBeGreaterThan(0);
    const raw = smtp.received[smtp.received.length - 1]?.raw ?? '';
    expect(raw).toMatch(/Subject: =\?UTF-8\?|Subject: \[shipwatch\]/);
    expect(raw).toMatch(/Message-ID: <digest-[0-9a-f]{20}@shipwatch>/);
    // Each new anomaly is listed once, under "new", not again under "still open": one link in the
    // text part and one in the HTML part.
    const firstLink = /console\/shipments\/(shp_[0-9a-z]+)/.exec(raw.replace(/=\r?\n/g, ''))?.[1] ?? 'none';
    expect(raw.replace(/=\r?\n/g, '').split(`console/shipments/${firstLink}`).length - 1).toBe(2);

    const again = await m.sendDigest();
    expect(again).toMatchObject({ sent: true, newCount: 0 });
    expect(again.openCount).toBe(first.openCount + first.newCount);
  });

  it('retries a refused digest on a later tick, without losing its new items', async () => {
    await open({ code: 'late', severity: 'high', details: { deadline: clock.toISOString(), lateBusinessDays: 1.5 } });
    const m = mailer();
    smtp.state.behaviour = 'refuse_4xx';
    expect((await m.sendDigest()).sent).toBe(false);
    expect((await store.alerts.pendingDigest(100)).length).toBe(1);
    smtp.state.behaviour = 'accept';
    clock = new Date(clock.getTime() + 120_000);
    const before = smtp.received.length;
    expect((await m.tick()).sent).toBe(1);
    expect(smtp.received.length).toBe(before + 1);
    expect(await store.alerts.pendingDigest(100)).toEqual([]);
  });
});

describe('without SMTP', () => {
  it('writes each mail as an .eml file with text and HTML parts under DATA_DIR/outbox', async () => {
    const { shipment } = await open({});
    const alerts = alertsConfig({ ALERT_LANGUAGE: 'en' });
    const m = createMailer({ store: store.alerts, transport: createAlertTransport(alerts, dir.path), alerts, timeZone: 'Europe/Istanbul', now: () => clock, logger: logs.logger });
    mailers.push(m);
    expect((await m.tick()).sent).toBe(1);
    const files = readdirSync(join(dir.path, 'outbox')).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const eml = readFileSync(join(dir.path, 'outbox', files[0]!), 'utf8');
    expect(eml).toContain('Content-Type: text/plain');
    expect(eml).toContain('Content-Type: text/html');
    expect(eml).toContain(shipment.trackingNumber!);
    expect(eml).toContain('Damaged parcel');
  });
});

describe('mailer schedule', () => {
  it('starts its cron jobs and stops them cleanly, closing the transport', async () => {
    const m = mailer({ MAILER_CRON: '*/5 * * * * *' });
    m.start();
    await open({});
    const before = smtp.received.length;
    await new Promise((r) => setTimeout(r, 5500));
    await m.stop();
    expect(smtp.received.length).toBeGreaterThan(before);
  });

  it('does not alarm about a critical anomaly already resolved before the tick', async () => {
    const { anomaly } = await open({});
    await store.anomalies.resolveByPerson(anomaly.id, 'desk (support)', 'false alarm', clock);
    expect((await store.alerts.pendingImmediate(new Date(clock.getTime() + 3_600_000), 100)).some((p) => p.row.anomalyId === anomaly.id)).toBe(false);
  });
});
