/** The health dashboard in a real Chromium: its figures are the API's figures, drawn, never recounted. */
import type { Page } from 'playwright-core';
import { openConsole, saveScreenshot, signIn } from '../support/browser.js';
import { useConsoleSession } from '../support/console-fixture.js';

const session = useConsoleSession();

interface Health {
  shipments: { total: number; byStatus: Record<string, number> };
  anomalies: { openByCode: Record<string, number>; openBySeverity: Record<string, number> };
  onTimeLast30Days: Record<string, { delivered: number; rate: number | null }>;
  transitLast30Days: Record<string, { delivered: number; medianDays: number | null }>;
  trendsLast30Days: { days: string[]; late: number[]; stalled: number[] };
}

async function health(): Promise<Health> {
  const response = await fetch(`${session.fixture.url}/v1/health`, { headers: { Authorization: `Bearer ${session.fixture.keys.support}` } });
  return (await response.json()) as Health;
}

async function openDashboard(page: Page): Promise<void> {
  await page.goto('/#/dashboard');
  await page.locator('[data-testid=dashboard][data-state=ready]').waitFor();
}

const text = (page: Page, selector: string) => page.locator(selector).first().textContent();
const nonZero = (counts: Record<string, number>) => Object.values(counts).filter((n) => n > 0).length;

describe('health dashboard', () => {
  it('shows the API figures: totals, counts by status and by severity, per-carrier rates and transit', async () => {
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'en' });
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/v1/')) requests.push(new URL(request.url()).pathname);
    });
    await signIn(page, session.fixture.keys.support);
    requests.length = 0;
    await openDashboard(page);
    // One round: the figures and the carriers, nothing after them.
    expect(requests.sort()).toEqual(['/v1/carriers', '/v1/health']);
    const h = await health();
    const openTotal = Object.values(h.anomalies.openBySeverity).reduce((a, b) => a + b, 0);
    await expect(text(page, '[data-testid=total-shipments]')).resolves.toBe(String(h.shipments.total));
    await expect(text(page, '[data-testid=open-anomalies]')).resolves.toBe(String(openTotal));

    const status = page.locator('[data-testid=chart-status]');
    await expect(status.locator('.bar-row[data-key=delivered] .bar-label').textContent()).resolves.toBe('Delivered');
    await expect(status.locator('.bar-row[data-key=delivered] .bar-value').textContent()).resolves.toBe(String(h.shipments.byStatus['delivered']));
    await expect(status.locator('.bar-row[data-key=in_transit] .bar-value').textContent()).resolves.toBe(String(h.shipments.byStatus['in_transit']));
    expect(await status.locator('rect.bar-fill').count()).toBe(nonZero(h.shipments.byStatus));

    const severity = page.locator('[data-testid=chart-severity]');
    for (const [code, n] of Object.entries(h.anomalies.openBySeverity)) {
      await expect(severity.locator(`.bar-row[data-key=${code}] .bar-value`).textContent()).resolves.toBe(String(n));
    }
    expect(await severity.locator('.bar-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')))).toEqual(
      ['critical', 'high', 'medium'].filter((s) => (h.anomalies.openBySeverity[s] ?? 0) > 0),
    );
    const code = page.locator('[data-testid=chart-code]');
    expect(await code.locator('rect.bar-fill').count()).toBe(nonZero(h.anomalies.openByCode));
    await expect(code.locator('.bar-row[data-key=late] .bar-value').textContent()).resolves.toBe(String(h.anomalies.openByCode['late']));

    const sandboxOnTime = h.onTimeLast30Days['sandbox'];
    expect(sandboxOnTime?.rate).not.toBeNull();
    await expect(page.locator('[data-testid=chart-on-time] .bar-row[data-key=sandbox] .bar-value').textContent()).resolves.toBe(
      `${Math.round((sandboxOnTime?.rate ?? 0) * 100)}% · ${sandboxOnTime?.delivered} delivered`,
    );
    await expect(page.locator('[data-testid=chart-on-time] .bar-row[data-key=sandbox] .bar-label').textContent()).resolves.toBe('Sandbox Kargo');
    const transit = h.transitLast30Days['sandbox'];
    await expect(page.locator('[data-testid=chart-transit] .bar-row[data-key=sandbox] .bar-value').textContent()).resolves.toBe(
      `${transit?.medianDays?.toFixed(1)} days · ${transit?.delivered} delivered`,
    );
    await saveScreenshot(page, 'dashboard');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('draws the 30-day late and stalled columns from the trend and labels today', async () => {
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'tr' });
    await signIn(page, session.fixture.keys.merchant);
    await openDashboard(page);
    const { trendsLast30Days: trends } = await health();
    const chart = page.locator('[data-testid=chart-trends]');
    const columns = await chart.locator('rect.column').evaluateAll((rects) => rects.map((r) => `${r.getAttribute('data-series')}:${r.getAttribute('data-value')}`));
    const expected = [
      ...trends.days.flatMap((_, i) => [
        (trends.late[i] ?? 0) > 0 ? `late:${trends.late[i]}` : null,
        (trends.stalled[i] ?? 0) > 0 ? `stalled:${trends.stalled[i]}` : null,
      ]),
    ].filter((c): c is string => c !== null);
    expect(expected.length).toBeGreaterThan(0);
    expect(columns).toEqual(expected);
    const today = trends.days.at(-1) ?? '';
    const [, month, day] = today.split('-');
    expect(await chart.locator('text.day-label').allTextContents()).toContain(`${day}.${month}`);
    await expect(chart.locator('svg.columns title').first().textContent()).resolves.toBe('Günlük yeni gecikme ve hareketsizlik anomalileri (son 30 gün)');
    expect(await chart.locator('.legend li').allTextContents()).toEqual(['Gecikti', 'Hareketsiz']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows carrier health for configured carriers and those with shipments, sandbox circuit closed', async () => {
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'en' });
    await signIn(page, session.fixture.keys.support);
    await openDashboard(page);
    const carriers = await page.locator('[data-testid=carrier-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-carrier')));
    expect(carriers).toEqual(expect.arrayContaining(['sandbox', 'manual']));
    expect(carriers).not.toContain('dhl');
    const sandbox = page.locator('[data-testid=carrier-row][data-carrier=sandbox]');
    await expect(sandbox.locator('[data-testid=circuit]').getAttribute('data-state')).resolves.toBe('closed');
    await expect(sandbox.locator('[data-testid=circuit]').textContent()).resolves.toBe('Working');
    await expect(sandbox.locator('td').nth(3).textContent()).resolves.toMatch(/^\d+ \/ no limit$/);
    await expect(sandbox.locator('td').nth(5).textContent()).resolves.toBe('None');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('switches language: chart titles and labels change, figures stay', async () => {
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'en' });
    await signIn(page, session.fixture.keys.admin);
    await openDashboard(page);
    await expect(text(page, '[data-testid=chart-status] .chart-title')).resolves.toBe('Shipments by status');
    const total = await text(page, '[data-testid=total-shipments]');
    await page.locator('.who [data-language=tr]').click();
    await page.locator('[data-testid=dashboard][data-state=ready]').waitFor();
    await expect(text(page, '[data-testid=chart-status] .chart-title')).resolves.toBe('Duruma göre gönderiler');
    await expect(text(page, '[data-testid=chart-severity] .chart-title')).resolves.toBe('Öneme göre çözülmemiş anomaliler');
    await expect(text(page, '[data-testid=chart-status] .bar-row[data-key=delivered] .bar-label')).resolves.toBe('Teslim edildi');
    await expect(text(page, '[data-testid=carrier-row][data-carrier=sandbox] [data-testid=circuit]')).resolves.toBe('Çalışıyor');
    await expect(text(page, '[data-testid=total-shipments]')).resolves.toBe(total);
    expect(page.url()).toMatch(/#\/dashboard$/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits a phone: no page-wide sideways scroll, the trend chart scrolls on its own', async () => {
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'tr', phone: true });
    await signIn(page, session.fixture.keys.support);
    await openDashboard(page);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.locator('[data-testid=chart-trends] rect.column').last().isVisible()).resolves.toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
