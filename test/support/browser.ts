/**
 * Headless Chromium from Debian's package, driven by playwright-core (which never downloads a
 * browser of its own). `.ci/run` installs the package when it is missing; a machine without it
 * fails these tests loudly rather than skipping them.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** The flags that keep Chromium off this machine's closed network and out of first-run chores. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: run "apt-get install -y chromium" (bash .ci/run does) or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  /** Console errors and CSP violations the page reported; a clean page has none. */
  problems: string[];
}

/** A fresh context (own sessionStorage) with the console open, language fixed. */
export async function openConsole(
  browser: Browser,
  baseUrl: string,
  options: { language?: 'tr' | 'en'; phone?: boolean; /** Only for injecting a checker such as axe. */ bypassCsp?: boolean } = {},
): Promise<ConsolePage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 860 },
    ...(options.phone && { isMobile: true, hasTouch: true, deviceScaleFactor: 2 }),
    locale: options.language === 'en' ? 'en-GB' : 'tr-TR',
    timezoneId: 'Europe/Istanbul',
    ...(options.bypassCsp && { bypassCSP: true }),
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  if (options.language) {
    // Only the first load: a language the person then picks must survive reloads.
    const language = JSON.stringify(options.language);
    await context.addInitScript({ content: `if (!localStorage.getItem('shipwatch.language')) localStorage.setItem('shipwatch.language', ${language})` });
  }
  await page.goto('/');
  return { context, page, problems };
}

export async function signIn(page: Page, key: string): Promise<void> {
  await page.locator('#api-key').fill(key);
  await page.locator('.sign-in-form button[type=submit]').click();
  await page.locator('.shell').waitFor();
}

/**
 * README screenshots: written to docs/screenshots only when SCREENSHOTS=1 (`npm run screenshots`),
 * so a plain test run leaves the repository as it was; otherwise the picture is taken and dropped.
 */
export async function saveScreenshot(page: Page, name: string): Promise<Buffer> {
  const path = process.env['SCREENSHOTS'] === '1' ? fileURLToPath(new URL(`../../docs/screenshots/${name}.png`, import.meta.url)) : undefined;
  return page.screenshot({ fullPage: true, ...(path && { path }) });
}
