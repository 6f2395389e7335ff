import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestService, type TestService } from '../support/service.js';

const CONSOLE_DIR = fileURLToPath(new URL('../../src/web/console/', import.meta.url));

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourcesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(async () => {
  await t.close();
});

describe('console assets', () => {
  it('serves the page with a content security policy that allows only its own script, styles and API', async () => {
    const res = await fetch(`${t.service.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).toContain('<script type="module" src="/console/app.js"></script>');
    // Nothing inline for the policy to have to allow.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=/);
  });

  it('bundles the TypeScript console into one script and one stylesheet on request', async () => {
    const [script, styles] = await Promise.all([fetch(`${t.service.url}/console/app.js`), fetch(`${t.service.url}/console/app.css`)]);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    const code = await script.text();
    expect(code.length).toBeGreaterThan(1000);
    expect(code).toContain('/v1/me');
    expect(styles.status).toBe(200);
    expect(styles.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await styles.text()).toContain('.topbar');
  });

  it('sends the same security headers on API answers', async () => {
    const res = await fetch(`${t.service.url}/v1/shipments`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('still answers unknown paths with a JSON 404', async () => {
    const res = await fetch(`${t.service.url}/no-such-page`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('route_not_found');
  });
});

describe('console sources', () => {
  it('never turn strings into markup, so carrier and customer text stays text', () => {
    const offenders = sourcesUnder(CONSOLE_DIR).filter((file) =>
      /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|new Function|\beval\(/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('never put the API key in a URL or a cookie', () => {
    const all = sourcesUnder(CONSOLE_DIR).map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(all).not.toMatch(/document\.cookie/);
    expect(all).not.toMatch(/[?&](api_?key|key|token)=/i);
  });
});

describe('the shop zone the console shows times in', () => {
  it('comes from SHIPWATCH_TIMEZONE through GET /v1/me', async () => {
    const berlin = await startTestService({ SHIPWATCH_TIMEZONE: 'Europe/Berlin' });
    try {
      const res = await fetch(`${berlin.service.url}/v1/me`, { headers: berlin.auth() });
      expect(((await res.json()) as { timeZone: string }).timeZone).toBe('Europe/Berlin');
    } finally {
      await berlin.close();
    }
  });
});
