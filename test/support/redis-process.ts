/**
 * A throwaway redis-server child process for fault tests, on its own port and data directory, so
 * the shared Redis at 6379 is never touched. Persistence is explicit:
 * - 'none': no RDB, no AOF, so a restart empties it (what a crash of an unpersisted Redis does);
 * - 'aof': append-only file with fsync on every write, as production runs (compose: AOF), so a
 *   restart keeps what was written before it.
 * `stop()` kills it (SIGKILL by default, like a crash; SIGTERM for an orderly restart) and
 * `start()` brings it back on the same port and directory.
 *
 * The same class runs the pieces of a replicated or clustered Redis: extra server `args` (a
 * replica's `--replicaof`, `--cluster-enabled yes`), or `sentinel` lines, which make it a Redis
 * Sentinel (`redis-server <conf> --sentinel`; Sentinel rewrites that file, so it lives in `dir`).
 * test/support/redis-ha.ts puts them together.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';

export type Persistence = 'aof' | 'none';

export interface RedisProcessOptions {
  /** More redis-server arguments, e.g. ['--replicaof', '127.0.0.1', '6380']. */
  args?: string[];
  /** Run as a Sentinel with these configuration lines (`sentinel monitor ...`). */
  sentinel?: string[];
}

export class RedisProcess {
  private child: ChildProcess | null = null;
  readonly dir: string;

  private constructor(
    readonly port: number,
    readonly persistence: Persistence,
    private readonly opts: RedisProcessOptions,
  ) {
    this.dir = mkdtempSync(join(tmpdir(), 'ripoti-redis-'));
    if (opts.sentinel) writeFileSync(join(this.dir, 'sentinel.conf'), [`port ${port}`, 'bind 127.0.0.1', `dir ${this.dir}`, ...opts.sentinel, ''].join('\n'));
  }

  static async start(persistence: Persistence = 'none', opts: RedisProcessOptions = {}): Promise<RedisProcess> {
    const p = new RedisProcess(await freePort(), persistence, opts);
    await p.start();
    return p;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Starts the server and resolves once it logs that it accepts connections. */
  async start(): Promise<void> {
    if (this.child) return;
    const persistence = this.persistence === 'aof' ? ['--appendonly', 'yes', '--appendfsync', 'always', '--save', ''] : ['--appendonly', 'no', '--save', ''];
    const args = this.opts.sentinel
      ? [join(this.dir, 'sentinel.conf'), '--sentinel']
      : ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--maxmemory-policy', 'noeviction', ...persistence, ...(this.opts.args ?? [])];
    // A Sentinel never says "Ready to accept connections"; it is ready once it monitors its master.
    const ready = this.opts.sentinel ? /\+monitor master/ : /Ready to accept connections/;
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'ignore'] });
    this.child = child;
    // Watching the log instead of probing: a refused probe leaves ioredis timers behind.
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`redis-server on port ${this.port} not ready within 10 s: ${out.slice(-300)}`)), 10_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (ready.test(out)) {
          clearTimeout(timer);
          child.stdout?.removeAllListeners('data');
          child.stdout?.resume();
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server on port ${this.port} exited with ${code}: ${out.slice(-300)}`));
      });
    });
  }

  /** Stops the server and waits for the process to exit. */
  async stop(signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  }

  /** Stops the server for good and removes its data directory. */
  async destroy(): Promise<void> {
    await this.stop('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
