/**
 * A TypeScript entry point and the project code it imports as one CommonJS file, for tests that
 * start a process of their own many times. `node --import tsx` loads ~100 project modules through
 * tsx's hooks at every start (about 2 CPU-seconds against 1 for the bundle, measured on the
 * replies worker); esbuild (the compiler tsx itself runs) does it once per test file, in about
 * 0.3 s. Packages stay in node_modules, loaded as the app loads them.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { build, stop, type BuildOptions, type Plugin } from 'esbuild';

const ROOT = join(__dirname, '..', '..');

/**
 * Each module's `__dirname` stays its own source directory, as under tsx: the code reads files
 * beside it (src/queue/lua, locales/, data/), and a bundle has one directory for all.
 */
const ownDirname: Plugin = {
  name: 'own-dirname',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (!source.includes('__dirname')) return undefined;
      return { contents: source.replace(/\b__dirname\b/g, JSON.stringify(dirname(path))), loader: 'ts' };
    });
  },
};

const COMMON: BuildOptions = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', plugins: [ownDirname], logLevel: 'error' };

export interface Bundle {
  /** Run it with `node <file>`. */
  file: string;
  remove(): Promise<void>;
}

/** Builds `entry` (a path) into test-artifacts/, under the project root so packages resolve as from src/. */
export async function bundleScript(entry: string): Promise<Bundle> {
  const dir = join(ROOT, 'test-artifacts', 'bundles');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${basename(entry, '.ts')}-${process.pid}-${randomBytes(3).toString('hex')}.js`);
  await build({ ...COMMON, entryPoints: [entry], outfile: file });
  // esbuild's service process: nothing of a test file is left running after it.
  await stop();
  return { file, remove: () => rm(file, { force: true }) };
}

/**
 * Several entry points (paths relative to the project root, e.g. `src/main.ts`) in one build, into
 * `dir`: each lands at its own relative path with `.js`. Returns entry -> bundle file.
 */
export async function bundleScripts(entries: readonly string[], dir: string): Promise<Record<string, string>> {
  await mkdir(dir, { recursive: true });
  await build({ ...COMMON, entryPoints: entries.map((e) => join(ROOT, e)), outbase: ROOT, outdir: dir });
  await stop();
  return Object.fromEntries(entries.map((e) => [e, join(dir, e.replace(/\.ts$/, '.js'))]));
}
