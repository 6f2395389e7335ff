/** The anomaly inbox in a real Chromium against the real service with the sandbox demo swept. */
import type { Page } from 'playwright-core';
import { openConsole, saveScreenshot, signIn } from '../support/browser.js';
import { useConsoleSession } from '../support/console-fixture.js';

const session = useConsoleSession();

interface ListedAnomaly {
  id: string;
  code: string;
  severity: string;
  state: string;
  note: string | null;
  acknowledgedBy: string | null;
  shipment: { trackingNumber: string | null } | null;
}

/** Every unresolved anomaly the API lists for these filters, oldest first, all pages. */
async function unresolved(filters: Record<string, string> = {}): Promise<ListedAnomaly[]> {
  const items: ListedAnomaly[] = [];
  let cursor: string | null = null;
  do {
    const q = new URLSearchParams({ state: 'unresolved', order: 'oldest', limit: '100', ...filters, ...(cursor && { cursor }) });
    const response = await fetch(`${session.fixture.url}/v1/anomalies?${q}`, { headers: { Authorization: `Bearer ${session.fixture.keys.support}` } });
    const page = (await response.json()) as { items: ListedAnomaly[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

async function post(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${session.fixture.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${session.fixture.keys.admin}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} → ${response.status}`);
}

/** Waits until the inbox for exactly these filters has drawn its rows. */
async function inboxReady(page: Page, query = ''): Promise<void> {
  await page.locator(`[data-testid=anomaly-inbox][data-query="${query}"][data-state=ready]`).waitFor();
}

const rowIds = (page: Page) => page.locator('[data-testid=anomaly-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
const rowAttr = (page: Page, name: string) => page.locator('[data-testid=anomaly-row]').evaluateAll((rows, n) => rows.map((r) => r.getAttribute(n)), name);

describe('anomaly inbox', () => {
  it('lists every unresolved anomaly oldest first, as the API orders them, with plain words and shipment links', async () => {
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'en' });
    await signIn(page, session.fixture.keys.support);
    await page.goto('/#/anomalies');
    await inboxReady(page);
    const expected = await unresolved();
    expect(expected.length).toBeGreaterThanOrEqual(10);
    expect(await rowIds(page)).toEqual(expected.map((a) => a.id));

    const stalled = page.locator('[data-testid=anomaly-row][data-code=stalled]').first();
    await expect(stalled.locator('td.problem').textContent()).resolves.toBe('Stalled');
    await expect(stalled.locator('.badge').textContent()).resolves.toBe('Medium');
    const number = expected.find((a) => a.code === 'stalled')?.shipment?.trackingNumber ?? '';
    await expect(stalled.locator('[data-testid=anomaly-shipment]').getAttribute('href')).resolves.toBe(`#/lookup/${number}`);
    await expect(stalled.locator('td.details').textContent()).resolves.toContain('Status: In transit');
    await expect(page.locator('[data-testid=inbox-status]').textContent()).resolves.toBe(`${expected.length} anomalies shown`);
    await saveScreenshot(page, 'anomalies');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('filters by severity and by code through the hash, and a language switch keeps the filters', async () => {
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'en' });
    await signIn(page, session.fixture.keys.support);
    await page.goto('/#/anomalies');
    await inboxReady(page);

    await page.locator('[data-testid=filter-severity]').selectOption('critical');
    await inboxReady(page, 'severity=critical');
    const critical = await unresolved({ severity: 'critical' });
    expect(critical.length).toBeGreaterThan(0);
    expect(await rowIds(page)).toEqual(critical.map((a) => a.id));
    expect(new Set(await rowAttr(page, 'data-severity'))).toEqual(new Set(['critical']));

    await page.locator('[data-testid=filter-severity]').selectOption('');
    await page.locator('[data-testid=filter-code]').selectOption('late');
    await inboxReady(page, 'code=late');
    const late = await unresolved({ code: 'late' });
    expect(late.length).toBeGreaterThan(1);
    expect(await rowIds(page)).toEqual(late.map((a) => a.id));

    await page.locator('[data-testid=filter-severity]').selectOption('high');
    await inboxReady(page, 'code=late&severity=high');
    expect(page.url()).toMatch(/#\/anomalies\/code=late&severity=high$/);
    const lateHigh = await unresolved({ code: 'late', severity: 'high' });
    expect(await rowIds(page)).toEqual(lateHigh.map((a) => a.id));

    await page.locator('.who [data-language=tr]').click();
    await inboxReady(page, 'code=late&severity=high');
    await expect(page.locator('h1').textContent()).resolves.toBe('Çözülmemiş anomaliler');
    await expect(page.locator('[data-testid=filter-code]').inputValue()).resolves.toBe('late');
    await expect(page.locator('[data-testid=filter-severity]').inputValue()).resolves.toBe('high');
    await expect(page.locator('[data-testid=anomaly-row] td.problem').first().textContent()).resolves.toBe('Gecikti');
    expect(await rowIds(page)).toEqual(lateHigh.map((a) => a.id));

    await page.locator('.clear-filters').click();
    await inboxReady(page, '');
    expect(await page.locator('[data-testid=anomaly-row]').count()).toBe((await unresolved()).length);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('pages with the cursor: "load more" appends the next page in the same oldest-first order', async () => {
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'en' });
    await signIn(page, session.fixture.keys.merchant);
    await page.goto('/#/anomalies/limit=4');
    await inboxReady(page, 'limit=4');
    expect(await page.locator('[data-testid=anomaly-row]').count()).toBe(4);
    const expected = await unresolved();
    while (await page.locator('[data-testid=load-more]').isVisible()) {
      const before = await page.locator('[data-testid=anomaly-row]').count();
      await page.locator('[data-testid=load-more]').click();
      await page.locator('[data-testid=anomaly-row]').nth(Math.min(before, expected.length - 1)).waitFor();
      await page.locator('[data-testid=anomaly-inbox][data-state=ready]').waitFor();
    }
    expect(await rowIds(page)).toEqual(expected.map((a) => a.id));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('acknowledges two selected anomalies as support with a note; they stay listed as acknowledged', async () => {
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'en' });
    await signIn(page, session.fixture.keys.support);
    await page.goto('/#/anomalies/severity=high');
    await inboxReady(page, 'severity=high');
    const open = (await unresolved({ severity: 'high' })).filter((a) => a.state === 'open').slice(0, 2);
    expect(open).toHaveLength(2);
    for (const anomaly of open) await page.locator(`[data-testid=anomaly-row][data-id="${anomaly.id}"] td.pick input`).check();
    await expect(page.locator('[data-testid=ack-selected]').textContent()).resolves.toBe('Acknowledge selected (2)');
    await page.locator('#ack-note').fill('Müşteri arandı <b>bilgi verildi</b>');
    await page.locator('[data-testid=ack-selected]').click();
    await page.locator('.notice', { hasText: '2 anomalies acknowledged.' }).waitFor();
    await inboxReady(page, 'severity=high');

    const after = await unresolved({ severity: 'high' });
    for (const anomaly of open) {
      const now = after.find((a) => a.id === anomaly.id);
      expect(now).toMatchObject({ state: 'acknowledged', note: 'Müşteri arandı <b>bilgi verildi</b>', acknowledgedBy: 'Destek Ekibi (support)' });
      const row = page.locator(`[data-testid=anomaly-row][data-id="${anomaly.id}"]`);
      await expect(row.getAttribute('data-state')).resolves.toBe('acknowledged');
      await expect(row.locator('[data-testid=anomaly-state]').textContent()).resolves.toContain('Acknowledged');
    }
    await expect(page.locator('[data-testid=ack-selected]').isDisabled()).resolves.toBe(true);
    await expect(page.locator('[data-testid=bulk-outcome]').textContent()).resolves.toBe('');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets a merchant select all and shows each anomaly that could not be acknowledged', async () => {
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'en' });
    await signIn(page, session.fixture.keys.merchant);
    await page.goto('/#/anomalies/code=delivery_failed');
    await inboxReady(page, 'code=delivery_failed');
    const listed = await unresolved({ code: 'delivery_failed' });
    // Only open anomalies offer a box; ones acknowledged earlier stay listed without one.
    const open = listed.filter((a) => a.state === 'open');
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(await page.locator('[data-testid=anomaly-row] td.pick input').count()).toBe(open.length);
    await page.locator('[data-testid=select-all]').check();
    await expect(page.locator('[data-testid=ack-selected]').textContent()).resolves.toBe(`Acknowledge selected (${open.length})`);
    // Someone else resolves one while the page still lists it.
    const gone = open[0]!;
    await post(`/v1/anomalies/${gone.id}/resolve`, { note: 'çözüldü' });
    await page.locator('[data-testid=ack-selected]').click();
    await page.locator(`[data-testid=bulk-failure][data-id="${gone.id}"]`).waitFor();
    await expect(page.locator('[data-testid=bulk-failure]').textContent()).resolves.toContain('already resolved');
    await inboxReady(page, 'code=delivery_failed');
    const after = await unresolved({ code: 'delivery_failed' });
    expect(after.map((a) => a.id)).toEqual(listed.filter((a) => a.id !== gone.id).map((a) => a.id));
    expect(after.every((a) => a.state === 'acknowledged')).toBe(true);
    for (const anomaly of open.slice(1)) expect(after.find((a) => a.id === anomaly.id)?.acknowledgedBy).toBe('Mağaza Ops (merchant)');
    await expect(page.locator('[data-testid=select-all]').isDisabled()).resolves.toBe(true);
    expect(await rowIds(page)).toEqual(after.map((a) => a.id));
    // Only the failure's own notice: no script error, no policy violation.
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is usable at phone width: the stacked rows keep their labels and the bulk action', async () => {
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'tr', phone: true });
    await signIn(page, session.fixture.keys.support);
    await page.goto('/#/anomalies/severity=critical');
    await inboxReady(page, 'severity=critical');
    await expect(page.locator('[data-testid=select-all]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-testid=ack-selected]').isVisible()).resolves.toBe(true);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    // The stacked layout is on: each cell's label comes from its data-label through ::before.
    const label = await page
      .locator('[data-testid=anomaly-row] td.problem')
      .first()
      .evaluate((td) => (globalThis as unknown as { getComputedStyle(el: unknown, pseudo: string): { content: string } }).getComputedStyle(td, '::before').content);
    expect(label).toBe('"Sorun: "');
    expect(problems).toEqual([]);
    await context.close();
  });
});
