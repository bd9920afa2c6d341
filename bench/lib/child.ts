/**
 * Child processes of the benchmark (the system under test, the floor bot, the MongoDB test
 * server), each its own OS process so the load generator's CPU is not counted as theirs. They run
 * TypeScript through `node --import tsx` (one process, so the pid we sample is the real one) and
 * talk to the driver over Node's IPC channel with the small protocol below.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** driver -> child */
export type ToChild = { type: 'mem' } | { type: 'stop' };
/** child -> driver */
export type FromChild =
  | { type: 'ready'; url: string }
  | { type: 'mem'; rss: number; heapUsed: number; heapTotal: number; external: number }
  | { type: 'error'; message: string };

export interface ChildHandle {
  name: string;
  child: ChildProcess;
  pid: number;
  url: string;
  logFile: string;
  memory(): Promise<Extract<FromChild, { type: 'mem' }>>;
  /** Graceful stop (lets --cpu-prof write its profile); killed by pid after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface SpawnOptions {
  name: string;
  script: string;
  env: Record<string, string | undefined>;
  logFile: string;
  nodeArgs?: string[];
  readyTimeoutMs?: number;
}

/** Sends a message to the child, ignoring a channel already closed (the child exited). */
function send(child: ChildProcess, msg: ToChild): void {
  if (child.connected) child.send(msg);
}

/** The URL the child reports once ready; refused on its error report, its exit, or after `readyTimeoutMs`. */
function readyUrl(child: ChildProcess, exited: Promise<number | null>, opts: SpawnOptions): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`${opts.name} did not report ready within ${opts.readyTimeoutMs ?? 30_000} ms (log: ${opts.logFile})`));
    }, opts.readyTimeoutMs ?? 30_000);
    const onMessage = (m: FromChild) => {
      if (m.type === 'ready') {
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(m.url);
      } else if (m.type === 'error') {
        clearTimeout(timer);
        reject(new Error(`${opts.name}: ${m.message} (log: ${opts.logFile})`));
      }
    };
    child.on('message', onMessage);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${opts.name} exited with ${code} before it was ready (log: ${opts.logFile})`));
    });
  });
}

/** The child's memory figures, asked over IPC (refused after 5 s without an answer). */
function askMemory(child: ChildProcess, name: string): Promise<Extract<FromChild, { type: 'mem' }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: no memory answer`)), 5000);
    const onMessage = (m: FromChild) => {
      if (m.type !== 'mem') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(m);
    };
    child.on('message', onMessage);
    send(child, { type: 'mem' });
  });
}

export async function spawnChild(opts: SpawnOptions): Promise<ChildHandle> {
  const fd = openSync(opts.logFile, 'a');
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', join(ROOT, opts.script)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...opts.env },
    stdio: ['ignore', fd, fd, 'ipc'],
  });
  closeSync(fd);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${opts.name}: could not start`);

  const url = await readyUrl(child, exited, opts);

  let stopped: Promise<void> | null = null;
  return {
    name: opts.name,
    child,
    pid,
    url,
    logFile: opts.logFile,
    memory: () => askMemory(child, opts.name),
    stop(timeoutMs = 15_000) {
      stopped ??= (async () => {
        if (child.exitCode !== null) return;
        send(child, { type: 'stop' });
        const timer = setTimeout(() => {
          // Only our own child, by its pid.
          if (child.exitCode === null) process.kill(pid, 'SIGKILL');
        }, timeoutMs);
        await exited;
        clearTimeout(timer);
      })();
      return stopped;
    },
  };
}

/**
 * The child side: announce readiness, answer memory probes, stop on request (or when the
 * driver goes away, so no orphan keeps a port open).
 */
export function serveChild(url: string, stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('stop failed', err);
        process.exit(1);
      },
    );
  };
  process.on('message', (m: ToChild) => {
    if (m.type === 'mem') {
      const u = process.memoryUsage();
      process.send?.({ type: 'mem', rss: u.rss, heapUsed: u.heapUsed, heapTotal: u.heapTotal, external: u.external } satisfies FromChild);
    } else if (m.type === 'stop') shutdown();
  });
  process.on('disconnect', shutdown);
  process.on('SIGTERM', shutdown);
  process.send?.({ type: 'ready', url } satisfies FromChild);
}

export function reportChildError(err: unknown): void {
  const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
  console.error(message);
  process.send?.({ type: 'error', message: message.split('\n')[0] } satisfies FromChild);
  setTimeout(() => process.exit(1), 200);
}
