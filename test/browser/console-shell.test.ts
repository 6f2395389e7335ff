/** Signing in and out, roles, languages and the page's own hygiene, in a real Chromium. */
import { openConsole, signIn } from '../support/browser.js';
import { useConsoleSession } from '../support/console-fixture.js';

const session = useConsoleSession();

describe('console sign-in', () => {
  it('refuses a wrong key with a readable message and stays signed out', async () => {
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'en' });
    await signInExpectingRejection(page, 'not-a-real-key');
    await expect(page.locator('.form-error').textContent()).resolves.toContain('not valid');
    expect(await page.locator('.shell').count()).toBe(0);
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    // The 401 of the probe is the only console noise allowed.
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
    await context.close();
  });

  it('signs in, keeps the key out of the URL and the logs, survives a reload, and signs out', async () => {
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'en' });
    await signIn(page, session.fixture.keys.support);
    await expect(page.locator('.who-name').textContent()).resolves.toBe('Destek Ekibi · support');
    expect(page.url()).not.toContain(session.fixture.keys.support);
    expect(session.fixture.t.logs()).not.toContain(session.fixture.keys.support);

    await page.reload();
    await page.locator('.shell').waitFor();
    await expect(page.locator('.who-name').textContent()).resolves.toContain('Destek Ekibi');

    // Another tab of the same session.browser profile does not inherit the key (sessionStorage is per tab).
    const other = await context.newPage();
    await other.goto('/');
    await other.locator('#api-key').waitFor();
    await other.close();

    await page.locator('button.sign-out').click();
    await page.locator('#api-key').waitFor();
    expect(await page.evaluate('sessionStorage.getItem("shipwatch.apiKey")')).toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('sends a person whose key stops working back to sign-in', async () => {
    const { context, page } = await openConsole(session.browser, session.fixture.url, { language: 'tr' });
    await signIn(page, session.fixture.keys.support);
    // As if the key were revoked while the tab stayed open: the next answer is 401.
    await page.evaluate("sessionStorage.setItem('shipwatch.apiKey', 'revoked-key')");
    await page.reload();
    await page.locator('#api-key').waitFor();
    expect(await page.evaluate('sessionStorage.getItem("shipwatch.apiKey")')).toBeNull();
    await context.close();
  });
});

describe('console frame', () => {
  it('switches between Turkish and English and remembers the choice', async () => {
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'tr' });
    await signIn(page, session.fixture.keys.merchant);
    expect(await page.getAttribute('html', 'lang')).toBe('tr');
    await expect(page.locator('button.sign-out').textContent()).resolves.toBe('Çıkış');
    await page.locator('.who [data-language=en]').click();
    await expect(page.locator('button.sign-out').textContent()).resolves.toBe('Sign out');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await page.locator('.shell').waitFor();
    await expect(page.locator('button.sign-out').textContent()).resolves.toBe('Sign out');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('offers every view in the navigation and routes by the hash', async () => {
    const { context, page } = await openConsole(session.browser, session.fixture.url, { language: 'en' });
    await signIn(page, session.fixture.keys.support);
    const views = await page.locator('.nav a').evaluateAll((links) => links.map((a) => a.getAttribute('data-view')));
    expect(views).toEqual(['lookup', 'anomalies', 'dashboard', 'shipments']);
    await page.locator('.nav a[data-view=dashboard]').click();
    await page.waitForURL(/#\/dashboard$/);
    expect(await page.locator('.nav a[aria-current=page]').getAttribute('data-view')).toBe('dashboard');
    await context.close();
  });

  it('answers with a policy the page itself obeys: no violations while it works', async () => {
    const { context, page, problems } = await openConsole(session.browser, session.fixture.url, { language: 'en' });
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await signIn(page, session.fixture.keys.admin);
    for (const view of ['lookup', 'anomalies', 'dashboard', 'shipments']) {
      await page.goto(`/#/${view}`);
      await page.locator('.shell').waitFor();
      await page.waitForLoadState('networkidle');
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});

async function signInExpectingRejection(page: import('playwright-core').Page, key: string): Promise<void> {
  await page.locator('#api-key').fill(key);
  await page.locator('.sign-in-form button[type=submit]').click();
  await page.locator('.form-error', { hasText: /not valid|geçerli değil/ }).waitFor();
}
