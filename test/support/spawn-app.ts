import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface Spawned {
  child: ChildProcess;
  /** Every line printed so far (stdout and stderr). */
  lines: string[];
  waitForLine(match: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The bundle global-setup.ts built of `script` this run, else `--import tsx` on the source. */
function nodeArgs(script: string): string[] {
  const built = process.env.RIPOTI_TEST_BUNDLES ? (JSON.parse(process.env.RIPOTI_TEST_BUNDLES) as Record<string, string>)[script] : undefined;
  return built ? [built] : ['--import', 'tsx', join(ROOT, script)];
}

/** Runs `src/main.ts <role>` (or another script) as its own OS process, as an operator would. */
export function spawnApp(args: string[], env: Record<string, string | undefined>, script = 'src/main.ts'): Spawned {
  // `node` itself rather than a wrapper binary: the app is then this very process, so a SIGKILL
  // from a test reaches it instead of orphaning a grandchild.
  const child = spawn(process.execPath, [...nodeArgs(script), ...args], { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { match: RegExp; resolve: (l: string) => void }[] = [];
  const onData = (buf: Buffer) => {
    for (const line of buf.toString('utf8').split('\n').filter(Boolean)) {
      lines.push(line);
      for (const w of [...waiters]) if (w.match.test(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    lines,
    exited,
    waitForLine(match, timeoutMs = 20_000) {
      const seen = lines.find((l) => match.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no line matching ${match} within ${timeoutMs} ms; output:\n${lines.join('\n')}`)), timeoutMs);
        waiters.push({ match, resolve: (l) => (clearTimeout(timer), resolve(l)) });
        void exited.then(() => {
          clearTimeout(timer);
          const late = lines.find((l) => match.test(l));
          if (late) resolve(late);
          else reject(new Error(`process exited before printing ${match}; output:\n${lines.join('\n')}`));
        });
      });
    },
  };
}
