import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sandboxTrackingNumber } from '../../carriers/sandbox/index.js';
import { makeTempDir } from '../support/temp-dir.js';
import { waitFor } from '../support/wait-for.js';

/** `npm start` as a newcomer runs it: a real process, real ports, real signals. */
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

function run(env: Record<string, string>): { child: ChildProcessWithoutNullStreams; out: () => string; err: () => string; exit: Promise<number | null> } {
  const child = spawn(TSX, ['src/main.ts'], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: 'pipe',
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exit };
}

describe('npm start', () => {
  const dir = makeTempDir('main');
  afterAll(() => dir.remove());

  it('refuses to start on bad configuration, naming every bad variable', async () => {
    const proc = run({ DATA_DIR: dir.path, PORT: 'abc', SHIPWATCH_TIMEZONE: 'Nowhere/Land', SHIPWATCH_ADMIN_KEY: 'short' });
    expect(await proc.exit).toBe(1);
    expect(proc.err()).toContain('PORT');
    expect(proc.err()).toContain('SHIPWATCH_TIMEZONE');
    expect(proc.err()).toContain('SHIPWATCH_ADMIN_KEY');
    expect(proc.err()).not.toContain('short');
    expect(proc.err()).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('serves the demo with no configuration and stops cleanly on SIGTERM', async () => {
    const proc = run({ DATA_DIR: dir.path, PORT: '0' });
    try {
      const url = await waitFor('the banner', () => /listening on (http:\/\/\S+)/.exec(proc.out())?.[1]);
      const key = /admin API key: (sw_\S+)/.exec(proc.out())?.[1] ?? '';
      expect(existsSync(join(dir.path, 'shipwatch.db'))).toBe(true);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);

      const delivered = await waitFor('the demo to be polled', async () => {
        const res = await fetch(`${url}/v1/track/${sandboxTrackingNumber(1, 1)}`, { headers: { Authorization: `Bearer ${key}` } });
        const body = (await res.json()) as { items: { status: string; events: unknown[] }[] };
        const status = body.items[0]?.status;
        return status && status !== 'pending' ? body.items[0] : undefined;
      });
      expect(delivered.status).toBe('delivered');
      expect(delivered.events.length).toBeGreaterThan(3);

      // The key is for the operator's eyes in the banner, never in the JSON log lines.
      const logLines = proc.out().split('\n').filter((l) => l.startsWith('{'));
      expect(logLines.length).toBeGreaterThan(0);
      expect(logLines.join('\n')).not.toContain(key);

      proc.child.kill('SIGTERM');
      expect(await proc.exit).toBe(0);
      expect(proc.out()).toContain('"msg":"stopped"');
    } finally {
      proc.child.kill('SIGKILL');
    }
    // Starting tsx and the demo is slow on a busy machine; the waits inside have their own limits.
  }, 60_000);
});
