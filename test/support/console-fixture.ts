/**
 * The real service with the sandbox demo polled and swept, one key per role, and one shipment
 * whose customer name and carrier text are hostile HTML: what the browser tests look at.
 */
import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { SANDBOX_SCENARIOS, sandboxTrackingNumber } from '../../carriers/sandbox/index.js';
import { launchChromium } from './browser.js';
import { startTestService, TEST_ADMIN_KEY, type TestService } from './service.js';

/** Marks a script that ran: the browser test checks it never becomes true. */
export const HOSTILE_NAME = '<img src=x onerror="window.__pwned=1">Ayşe <b>Yılmaz</b>';
export const HOSTILE_TEXT = '<script>window.__pwned=1</script>Teslim <i>edildi</i> & imzalandı';
export const HOSTILE_TRACKING = 'HOSTILE-0001';

export interface ConsoleFixture {
  t: TestService;
  url: string;
  keys: { admin: string; merchant: string; support: string };
  /** The tracking number of each sandbox scenario, by scenario key. */
  demo: Record<string, string>;
  close(): Promise<void>;
}

async function call<T>(url: string, key: string, method: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as T;
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status} ${JSON.stringify(json)}`);
  return json;
}

export async function startConsoleFixture(): Promise<ConsoleFixture> {
  const t = await startTestService({ DEMO_DATA: 'true' });
  const url = t.service.url;
  await t.service.scheduler.runNow();
  await t.service.sweeper.runNow();
  const key = async (role: string, name: string) =>
    (await call<{ key: string }>(`${url}/v1/keys`, TEST_ADMIN_KEY, 'POST', { role, name })).key;
  const keys = { admin: TEST_ADMIN_KEY, merchant: await key('merchant', 'Mağaza Ops'), support: await key('support', 'Destek Ekibi') };

  const hostile = await call<{ id: string }>(`${url}/v1/shipments`, keys.merchant, 'POST', {
    carrier: 'manual',
    trackingNumber: HOSTILE_TRACKING,
    orderId: 'ORDER-HOSTILE',
    customer: { name: HOSTILE_NAME },
    promisedBy: '2026-01-05',
  });
  await call(`${url}/v1/shipments/${hostile.id}/events`, keys.merchant, 'POST', {
    events: [
      { occurredAt: '2026-01-02T10:00:00+03:00', status: 'in_transit', description: 'Transfer merkezinde', location: { text: '<u>İstanbul</u> Aktarma', city: 'İstanbul', country: 'TR' } },
      { occurredAt: '2026-01-03T14:30:00+03:00', status: 'delivered', description: HOSTILE_TEXT, location: 'Kadıköy' },
    ],
  });

  const demo = Object.fromEntries(SANDBOX_SCENARIOS.map((s) => [s.key, sandboxTrackingNumber(s.code, 1)]));
  return { t, url, keys, demo, close: () => t.close() };
}

export interface ConsoleSession {
  readonly browser: Browser;
  readonly fixture: ConsoleFixture;
}

/**
 * One Chromium and one seeded service for a browser test file, started in beforeAll and closed in
 * afterAll. Browser tests wait on real pages: they get a minute each.
 */
export function useConsoleSession(): ConsoleSession {
  jest.setTimeout(60_000);
  let browser: Browser | undefined;
  let fixture: ConsoleFixture | undefined;
  beforeAll(async () => {
    [browser, fixture] = await Promise.all([launchChromium(), startConsoleFixture()]);
  });
  afterAll(async () => {
    await browser?.close();
    await fixture?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
    get fixture() {
      if (!fixture) throw new Error('the console fixture starts in beforeAll');
      return fixture;
    },
  };
}
