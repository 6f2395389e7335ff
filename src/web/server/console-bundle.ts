/**
 * The console's browser code is TypeScript in src/web/console, bundled in memory by esbuild the
 * first time it is asked for: `npm start` on a fresh clone needs no build step, and nothing built is
 * committed.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface ConsoleAssets {
  html: string;
  script: string;
  styles: string;
}

/** From src/web/server (tsx) and from dist/src/web/server (compiled) alike. */
function consoleSourceDir(): string {
  const candidates = ['../console/', '../../../../src/web/console/'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  const found = candidates.find((dir) => existsSync(`${dir}main.ts`));
  if (!found) throw new Error(`console sources not found (looked in ${candidates.join(', ')})`);
  return found;
}

async function bundleConsole(): Promise<ConsoleAssets> {
  const dir = consoleSourceDir();
  const result = await build({
    entryPoints: { app: `${dir}main.ts` },
    // Never written: the outputs stay in memory, named by this folder so esbuild can tell them apart.
    outdir: dir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  // Stylesheets are imported by the views that use them; esbuild gathers them into one app.css.
  const script = result.outputFiles.find((f) => f.path.endsWith('.js'))?.text;
  const styles = result.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
  if (script === undefined) throw new Error('esbuild produced no console bundle');
  return { html: await readFile(`${dir}index.html`, 'utf8'), script, styles };
}

let bundled: Promise<ConsoleAssets> | null = null;

/** Built once per process; a failed build is retried on the next request rather than cached. */
export function consoleAssets(): Promise<ConsoleAssets> {
  bundled ??= bundleConsole().catch((error: unknown) => {
    bundled = null;
    throw error;
  });
  return bundled;
}
