/** The lookup screen in a real Chromium against the real service with the sandbox demo. */
import type { Page } from 'playwright-core';
import { openConsole, saveScreenshot, signIn } from '../support/browser.js';
import { HOSTILE_NAME, HOSTILE_TEXT, HOSTILE_TRACKING, useConsoleSession } from '../support/console-fixture.js';

const session = useConsoleSession();

interface Story {
  id: string;
  status: string;
  substatus: string | null;
  late: boolean;
  tracking: { stoppedAt: string | null };
  anomalies: Array<{ id: string; code: string; state: string }>;
  events: Array<{ occurredAt: string | null }>;
}

async function apiCall<T>(path: string, key: string, method = 'GET', body?: unknown): Promise<{ status: number; json: T }> {
  const response = await fetch(`${session.fixture.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as T };
}

async function track(number: string): Promise<Story[]> {
  return (await apiCall<{ items: Story[] }>(`/v1/track/${encodeURIComponent(number)}`, session.fixture.keys.admin)).json.items;
}

/** Types the number into the one box and waits for the answer (cards or the empty message). */
async function lookUp(page: Page, number: string): Promise<void> {
  await page.locator('[data-testid=lookup-input]').fill(number);
  await page.locator('[data-testid=lookup-submit]').click();
  await page.locator('[data-testid=lookup-results]:not([aria-busy])').waitFor();
  await page.locator('[data-testid=shipment], [data-testid=lookup-empty], [data-testid=lookup-error]').first().waitFor();
}

async function notice(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.notice', { hasText: text }).waitFor();
}

describe('lookup', () => {
  it('shows a late shipment: status in plain words, the late flag, the newest event first, no carrier link', async () => {
    const number = session.fixture.demo['late-against-promise'] ?? '';
    const [story] = await track(number);
    expect(story?.status).toBe('in_transit');
    expect(story?.late).toBe(true);

    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'tr' });
    await signIn(page, session.fixture.keys.support);
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/v1/')) requests.push(new URL(request.url()).pathname);
    });
    await lookUp(page, number);
    expect(page.url()).toContain(`#/lookup/${number}`);
    // The whole story in one request: no waterfall of per-shipment or per-anomaly calls.
    expect(requests).toEqual([`/v1/track/${number}`]);

    const card = page.locator('[data-testid=shipment]');
    await expect(card.count()).resolves.toBe(1);
    await expect(card.locator('[data-testid=shipment-number]').textContent()).resolves.toBe(number);
    await expect(card.locator('[data-testid=carrier-name]').textContent()).resolves.toBe('Sandbox Kargo');
    await expect(card.locator('.facts [data-testid=status]').textContent()).resolves.toBe('Yolda');
    await expect(card.locator('.facts [data-testid=late]').textContent()).resolves.toBe('Gecikti');
    // The finer substatus in words too, its code kept for whoever needs it.
    expect(story?.substatus).toBe('in_transit.hub_scan');
    const substatus = card.locator('.facts [data-testid=substatus]');
    await expect(substatus.textContent()).resolves.toBe('aktarma merkezinde');
    await expect(substatus.getAttribute('data-substatus')).resolves.toBe('in_transit.hub_scan');
    // A dd.MM.yyyy promise, as Turkish readers write dates.
    await expect(card.locator('[data-testid=promised]').textContent()).resolves.toMatch(/^\d{2}\.\d{2}\.\d{4}$/);

    const times = await card.locator('[data-testid=timeline] li').evaluateAll((items) => items.map((li) => li.getAttribute('data-occurred-at') ?? ''));
    expect(times.length).toBe(story?.events.length);
    expect(times.length).toBeGreaterThan(2);
    expect([...times].sort().reverse()).toEqual(times);
    // The carrier's own words beside the normalised status, with the place and the zone.
    const newest = card.locator('[data-testid=timeline] li').first();
    await expect(newest.locator('[data-testid=event-description]').textContent()).resolves.toBe("Gönderi Ankara Transfer Merkezi'ne ulaştı");
    await expect(newest.locator('.event-place').textContent()).resolves.toContain('Ankara');
    await expect(newest.locator('.event-zone').textContent()).resolves.toContain('Europe/Istanbul');

    expect(await card.locator('[data-testid=carrier-link]').count()).toBe(0);
    await expect(card.locator('[data-testid=anomaly][data-code=late]').count()).resolves.toBe(1);
    await saveScreenshot(page, 'lookup');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('acknowledges an anomaly from the lookup, and the API agrees', async () => {
    const number = session.fixture.demo['late-against-promise'] ?? '';
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'en' });
    await signIn(page, session.fixture.keys.support);
    await page.goto(`/#/lookup/${encodeURIComponent(number)}`);
    const anomaly = page.locator('[data-testid=anomaly][data-code=late]');
    const id = await anomaly.getAttribute('data-anomaly-id');
    await anomaly.locator('[data-testid=anomaly-note]').fill('Called the carrier, parcel is on its way');
    await anomaly.locator('button[data-action=acknowledge]').click();
    await notice(page, 'Anomaly acknowledged.');
    await page.locator('[data-testid=anomaly][data-code=late][data-state=acknowledged]').waitFor();
    // Acknowledged: only Resolve is left.
    expect(await page.locator('[data-testid=anomaly][data-code=late] button[data-action=acknowledge]').count()).toBe(0);

    const [story] = await track(number);
    expect(story?.anomalies.find((a) => a.id === id)?.state).toBe('acknowledged');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('resolves an anomaly only with a note', async () => {
    const number = session.fixture.demo['damaged'] ?? '';
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'tr' });
    await signIn(page, session.fixture.keys.support);
    await lookUp(page, number);
    await expect(page.locator('.facts [data-testid=status]').textContent()).resolves.toBe('Sorun var');
    const anomaly = page.locator('[data-testid=anomaly][data-code=exception]');
    const id = (await anomaly.getAttribute('data-anomaly-id')) ?? '';

    await anomaly.locator('button[data-action=resolve]').click();
    await expect(anomaly.locator('.form-error').textContent()).resolves.toContain('notla');
    expect((await track(number))[0]?.anomalies.find((a) => a.id === id)?.state).toBe('open');

    await anomaly.locator('[data-testid=anomaly-note]').fill('Hasar tutanağı alındı, yeni ürün gönderildi');
    await anomaly.locator('button[data-action=resolve]').click();
    await notice(page, 'Anomali çözüldü.');
    await page.locator(`[data-testid=anomaly][data-anomaly-id="${id}"]`).waitFor({ state: 'detached' });

    const resolved = await apiCall<{ items: Array<{ id: string; state: string; note: string | null; resolvedBy: string | null }> }>(
      '/v1/anomalies?state=resolved&code=exception',
      session.fixture.keys.admin,
    );
    const item = resolved.json.items.find((a) => a.id === id);
    expect(item?.state).toBe('resolved');
    expect(item?.note).toBe('Hasar tutanağı alındı, yeni ürün gönderildi');
    expect(item?.resolvedBy).toContain('Destek Ekibi');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows hostile customer names and carrier text as literal text', async () => {
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'tr' });
    await signIn(page, session.fixture.keys.support);
    await lookUp(page, HOSTILE_TRACKING);
    const card = page.locator('[data-testid=shipment]');
    await expect(card.locator('[data-testid=customer-name]').textContent()).resolves.toBe(HOSTILE_NAME);
    await expect(card.locator('[data-testid=event-description]').first().textContent()).resolves.toBe(HOSTILE_TEXT);
    await expect(card.locator('[data-testid=event-description]').first().innerText()).resolves.toContain('<script>window.__pwned=1</script>');
    await expect(card.locator('.event-place').last().textContent()).resolves.toContain('<u>İstanbul</u> Aktarma');
    // Entered by hand with an offset: a real instant, shown in the shop's zone.
    await expect(card.locator('.event-time').first().textContent()).resolves.toBe('03.01.2026 14:30');
    const planted = await page.locator('[data-testid=lookup-results]').evaluate((el) => el.querySelectorAll('b, i, u, img, script').length);
    expect(planted).toBe(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says so when nothing matches', async () => {
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'en' });
    await signIn(page, session.fixture.keys.support);
    await lookUp(page, 'NO-SUCH-PARCEL-42');
    await expect(page.locator('[data-testid=lookup-empty]').textContent()).resolves.toContain('No shipment found for “NO-SUCH-PARCEL-42”');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('lookup by role', () => {
  it('gives support no refresh or stop, and the API refuses support a refresh', async () => {
    const number = session.fixture.demo['normal-delivery'] ?? '';
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'en' });
    await signIn(page, session.fixture.keys.support);
    await lookUp(page, number);
    await page.locator('[data-testid=shipment]').waitFor();
    expect(await page.locator('button[data-action=refresh], button[data-action=stop]').count()).toBe(0);

    const [story] = await track(number);
    const refused = await apiCall<{ error: { code: string } }>(`/v1/shipments/${story?.id}/refresh`, session.fixture.keys.support, 'POST', {});
    expect(refused.status).toBe(403);
    const stop = await apiCall<{ error: { code: string } }>(`/v1/shipments/${story?.id}`, session.fixture.keys.support, 'DELETE');
    expect(stop.status).toBe(403);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets a merchant refresh a shipment now', async () => {
    const number = session.fixture.demo['stuck-in-transit'] ?? '';
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'en' });
    await signIn(page, session.fixture.keys.merchant);
    await lookUp(page, number);
    await page.locator('button[data-action=refresh]').click();
    await notice(page, /Carrier asked again: \d+ new events\./);
    await page.locator('[data-testid=shipment]').waitFor();
    expect(await page.locator('button[data-action=stop]').count()).toBe(1);
    // A shipment nobody polls has nothing to refresh; it can still be stopped.
    await lookUp(page, HOSTILE_TRACKING);
    await page.locator('[data-testid=shipment]', { hasText: 'ORDER-HOSTILE' }).waitFor();
    expect(await page.locator('button[data-action=refresh]').count()).toBe(0);
    expect(await page.locator('button[data-action=stop]').count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("links to the carrier's own page and stops tracking after asking", async () => {
    const number = '3120001234567';
    const registered = await apiCall<{ id: string; publicTrackingUrl: string | null }>('/v1/shipments', session.fixture.keys.merchant, 'POST', {
      carrier: 'yurtici',
      trackingNumber: number,
      orderId: 'ORDER-LINK-1',
    });
    expect(registered.status).toBe(201);
    expect(registered.json.publicTrackingUrl).toContain('yurticikargo.com');

    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'tr' });
    await signIn(page, session.fixture.keys.merchant);
    await lookUp(page, 'ORDER-LINK-1');
    const link = page.locator('[data-testid=carrier-link]');
    expect(await link.getAttribute('href')).toBe(registered.json.publicTrackingUrl);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    await expect(page.locator('[data-testid=carrier-name]').textContent()).resolves.toBe('Yurtiçi Kargo');

    await page.locator('button[data-action=stop]').click();
    await page.locator('[data-testid=stop-confirm]').waitFor();
    expect((await track(number))[0]?.tracking.stoppedAt).toBeNull();
    await page.locator('button[data-action=stop-confirm]').click();
    await notice(page, 'Takip durduruldu.');
    await page.locator('[data-testid=tracking-stopped]').waitFor();
    expect((await track(number))[0]?.tracking.stoppedAt).not.toBeNull();
    expect(await page.locator('button[data-action=stop]').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('lookup language and phone', () => {
  it('keeps the answer and changes the words when switching Turkish to English', async () => {
    const number = session.fixture.demo['damaged'] ?? '';
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'tr' });
    await signIn(page, session.fixture.keys.support);
    await lookUp(page, number);
    await expect(page.locator('.facts [data-testid=status]').textContent()).resolves.toBe('Sorun var');
    await expect(page.locator('.lookup-view h1').textContent()).resolves.toBe('Gönderi sorgula');
    await page.locator('.who [data-language=en]').click();
    await page.locator('.lookup-view h1', { hasText: 'Look up a shipment' }).waitFor();
    await page.locator('[data-testid=shipment]').waitFor();
    await expect(page.locator('.facts [data-testid=status]').textContent()).resolves.toBe('Problem reported');
    await expect(page.locator('[data-testid=lookup-input]').inputValue()).resolves.toBe(number);
    expect(page.url()).toContain(`#/lookup/${number}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits a phone screen', async () => {
    const number = session.fixture.demo['late-against-promise'] ?? '';
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'tr', phone: true });
    await signIn(page, session.fixture.keys.support);
    await lookUp(page, number);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'lookup-phone');
    expect(problems).toEqual([]);
    await context.close();
  });
});
