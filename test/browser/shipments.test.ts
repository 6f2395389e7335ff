/** The shipment list in a real Chromium: the API's filters, cursor paging both ways, and the way into a lookup. */
import type { Page } from 'playwright-core';
import { openConsole, saveScreenshot, signIn } from '../support/browser.js';
import { HOSTILE_NAME, HOSTILE_TRACKING, useConsoleSession } from '../support/console-fixture.js';

const session = useConsoleSession();

interface Listed {
  id: string;
  status: string;
  trackingNumber: string | null;
}

async function listed(queryString: string): Promise<Listed[]> {
  const response = await fetch(`${session.fixture.url}/v1/shipments?${queryString}`, { headers: { Authorization: `Bearer ${session.fixture.keys.admin}` } });
  return ((await response.json()) as { items: Listed[] }).items;
}

/** Waits for the list to settle and returns the shipment ids shown, in order. */
async function shownIds(page: Page): Promise<string[]> {
  // The list that answers the current address, not the one it replaced, once its request is done.
  const hash = await page.evaluate<string>('location.hash');
  await page.locator(`[data-testid=shipment-results][data-for="${hash}"]:not([aria-busy])`).waitFor();
  return page.locator('[data-testid=shipment-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-shipment-id') ?? ''));
}

async function pageNumber(page: Page): Promise<string | null> {
  return page.locator('[data-testid=page-number]').textContent();
}

describe('shipment list', () => {
  it('filters by status, keeping the filter in the address', async () => {
    const delivered = await listed('status=delivered&limit=100');
    expect(delivered.length).toBeGreaterThan(1);

    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'en' });
    await signIn(page, session.fixture.keys.support);
    await page.locator('.nav a[data-view=shipments]').click();
    await page.waitForURL(/#\/shipments$/);
    const all = await shownIds(page);
    expect(all).toEqual((await listed('limit=50')).map((s) => s.id));
    await saveScreenshot(page, 'shipments');

    await page.locator('[data-testid=filter-status]').selectOption('delivered');
    await page.locator('[data-testid=filter-apply]').click();
    await page.waitForURL(/#\/shipments\/status%3Ddelivered/);
    expect(await shownIds(page)).toEqual(delivered.map((s) => s.id));
    const statuses = await page.locator('[data-testid=shipment-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(new Set(statuses)).toEqual(new Set(['delivered']));
    await expect(page.locator('[data-testid=shipment-row] [data-testid=status]').first().textContent()).resolves.toBe('Delivered');

    // The filter survives a reload and a language switch.
    await page.reload();
    await page.locator('.shell').waitFor();
    expect(await shownIds(page)).toEqual(delivered.map((s) => s.id));
    await expect(page.locator('[data-testid=filter-status]').inputValue()).resolves.toBe('delivered');
    await page.locator('.who [data-language=tr]').click();
    await page.locator('.shipments-view h1', { hasText: 'Gönderiler' }).waitFor();
    expect(await shownIds(page)).toEqual(delivered.map((s) => s.id));
    await expect(page.locator('[data-testid=shipment-row] [data-testid=status]').first().textContent()).resolves.toBe('Teslim edildi');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('finds by free text and by carrier, and shows customer names as text', async () => {
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'en' });
    await signIn(page, session.fixture.keys.support);
    await page.goto('/#/shipments');
    await shownIds(page);
    // The carrier box is filled from GET /v1/carriers.
    await page.locator('[data-testid=filter-carrier] option[value=sandbox]').waitFor({ state: 'attached' });
    await page.locator('[data-testid=filter-carrier]').selectOption('sandbox');
    await page.locator('[data-testid=filter-apply]').click();
    await page.waitForURL(/carrier%3Dsandbox/);
    const sandbox = await shownIds(page);
    expect(sandbox).toEqual((await listed('carrier=sandbox&limit=50')).map((s) => s.id));
    expect(sandbox.length).toBe(Object.keys(session.fixture.demo).length);

    await page.locator('[data-testid=filter-carrier]').selectOption('');
    // Free text matches a whole number or part of a customer's name.
    await page.locator('[data-testid=filter-q]').fill('Yılmaz');
    await page.locator('[data-testid=filter-apply]').click();
    await page.waitForURL(/q%3DY/);
    const named = await shownIds(page);
    expect(named).toEqual((await listed(`q=${encodeURIComponent('Yılmaz')}`)).map((s) => s.id));
    expect(named.length).toBe(2);
    const names = await page.locator('[data-testid=shipment-row] td.customer').allTextContents();
    expect(names).toContain(HOSTILE_NAME);
    expect(names).toContain('Ayşe Yılmaz');
    const planted = await page.locator('[data-testid=shipment-table]').evaluate((el) => el.querySelectorAll('b, img, script').length);
    expect(planted).toBe(0);

    await page.locator('[data-testid=filter-q]').fill('nothing-is-called-this');
    await page.locator('[data-testid=filter-apply]').click();
    await page.locator('[data-testid=shipments-empty]').waitFor();
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('pages forward and back three at a time', async () => {
    const expected = (await listed('limit=100')).map((s) => s.id);
    expect(expected.length).toBeGreaterThan(6);
    const pages = Math.ceil(expected.length / 3);

    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'en' });
    await signIn(page, session.fixture.keys.support);
    await page.goto('/#/shipments');
    await shownIds(page);
    await page.locator('[data-testid=filter-limit]').fill('3');
    await page.locator('[data-testid=filter-apply]').click();
    await page.waitForURL(/limit%3D3/);

    const seen: string[][] = [await shownIds(page)];
    await expect(pageNumber(page)).resolves.toBe('Page 1');
    expect(await page.locator('[data-testid=pager-previous]').count()).toBe(0);
    while (await page.locator('[data-testid=pager-next]').count()) {
      await page.locator('[data-testid=pager-next]').click();
      await page.locator('[data-testid=page-number]', { hasText: `Page ${seen.length + 1}` }).waitFor();
      seen.push(await shownIds(page));
    }
    expect(seen.length).toBe(pages);
    expect(seen.slice(0, -1).every((ids) => ids.length === 3)).toBe(true);
    expect(seen.flat()).toEqual(expected);

    // Back one page, then a language switch keeps the page, then back to the start.
    await page.locator('[data-testid=pager-previous]').click();
    await page.locator('[data-testid=page-number]', { hasText: `Page ${pages - 1}` }).waitFor();
    expect(await shownIds(page)).toEqual(seen[pages - 2]);
    await page.locator('.who [data-language=tr]').click();
    await page.locator('[data-testid=page-number]', { hasText: `Sayfa ${pages - 1}` }).waitFor();
    expect(await shownIds(page)).toEqual(seen[pages - 2]);
    await page.locator('[data-testid=pager-previous]').click();
    await page.locator('[data-testid=page-number]', { hasText: `Sayfa ${pages - 2}` }).waitFor();
    expect(await shownIds(page)).toEqual(seen[pages - 3]);
    await page.locator('[data-testid=pager-first]').click();
    await page.locator('[data-testid=page-number]', { hasText: 'Sayfa 1' }).waitFor();
    expect(await shownIds(page)).toEqual(seen[0]);
    expect(await page.locator('[data-testid=pager-first], [data-testid=pager-previous]').count()).toBe(0);

    // The browser's own back button walks the pages too.
    await page.locator('[data-testid=pager-next]').click();
    await page.locator('[data-testid=page-number]', { hasText: 'Sayfa 2' }).waitFor();
    await page.goBack();
    await page.locator('[data-testid=page-number]', { hasText: 'Sayfa 1' }).waitFor();
    expect(await shownIds(page)).toEqual(seen[0]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens a shipment in the lookup from its row', async () => {
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'en', phone: true });
    await signIn(page, session.fixture.keys.support);
    await page.goto(`/#/shipments/${encodeURIComponent(`q=${HOSTILE_TRACKING}`)}`);
    await shownIds(page);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    const [first] = await listed(`q=${HOSTILE_TRACKING}`);
    await page.locator('[data-testid=shipment-link]').first().click();
    await page.waitForURL(/#\/lookup\//);
    await page.locator('[data-testid=shipment]').waitFor();
    expect(await page.locator('[data-testid=shipment]').getAttribute('data-shipment-id')).toBe(first?.id);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reports a filter the API refuses', async () => {
    const { context, page } = await openConsole(session.browser, session.fixture.url, { language: 'en' });
    await signIn(page, session.fixture.keys.support);
    await page.goto(`/#/shipments/${encodeURIComponent('limit=500')}`);
    await expect(page.locator('[data-testid=shipments-error]').textContent()).resolves.toContain('limit');
    await context.close();
  });
});
