/**
 * Every console page checked by axe-core (WCAG 2 A and AA rules) in a real Chromium: labels,
 * contrast, landmarks, names of buttons and links, in both languages and at phone width.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { openConsole, signIn } from '../support/browser.js';
import { useConsoleSession } from '../support/console-fixture.js';

const session = useConsoleSession();
const axeSource = createRequire(import.meta.url)('axe-core').source as string;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * axe is injected as a script, which the console's own policy rightly forbids: this context alone
 * bypasses the CSP (the other browser tests prove the page obeys it).
 */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const found = (await page.evaluate(
    "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations)",
  )) as AxeViolation[];
  return found.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.each([
  ['tr', false],
  ['en', true],
] as const)('console pages in %s (phone: %s)', (language, phone) => {
  it('pass the WCAG 2 A/AA rules axe checks, signed out and on every page', async () => {
    const { context, page } = await openConsole(session.browser, session.fixture.url, { language, phone, bypassCsp: true });
    const problems: Record<string, string[]> = { 'sign-in': await violations(page) };
    await signIn(page, session.fixture.keys.merchant);
    // A lookup with a late shipment, open anomalies and a timeline: the busiest page there is.
    const late = session.fixture.demo['late-against-promise'] ?? '';
    for (const view of [`lookup/${late}`, 'anomalies', 'dashboard', 'shipments']) {
      await page.goto(`/#/${view}`);
      await page.locator('.shell').waitFor();
      await page.waitForLoadState('networkidle');
      await page.locator('[aria-busy=true], [data-state=loading], .loading').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
      problems[view] = await violations(page);
    }
    expect(problems).toEqual(Object.fromEntries(Object.keys(problems).map((k) => [k, []])));
    await context.close();
  });
});
