/**
 * A throwaway redis-server child process for fault tests, with the persistence choice explicit:
 * - 'aof': append-only file with fsync on every write, as production runs (compose: AOF), so a
 *   restart keeps what was written before it;
 * - 'none': no RDB, no AOF, so a restart empties it (what a crash of an unpersisted Redis does).
 * `stop()` kills it (SIGKILL by default, like a crash; SIGTERM for an orderly restart) and `start()`
 * brings it back on the same port and directory. The shared Redis at 6379 is never touched.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';

export type Persistence = 'aof' | 'none';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export class FaultRedis {
  private child: ChildProcess | null = null;
  readonly dir: string;

  private constructor(
    readonly port: number,
    readonly persistence: Persistence,
  ) {
    this.dir = mkdtempSync(join(tmpdir(), 'ripoti-fault-redis-'));
  }

  static async start(persistence: Persistence): Promise<FaultRedis> {
    const r = new FaultRedis(await freePort(), persistence);
    await r.start();
    return r;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Starts the server (same port and data directory as before) and resolves once it answers PING. */
  async start(): Promise<void> {
    if (this.child) return;
    const persistence =
      this.persistence === 'aof' ? ['--appendonly', 'yes', '--appendfsync', 'always', '--save', ''] : ['--appendonly', 'no', '--save', ''];
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--maxmemory-policy', 'noeviction', ...persistence];
    const child = spawn('redis-server', args, { stdio: 'ignore' });
    this.child = child;
    const deadline = Date.now() + 10_000;
    for (;;) {
      const probe = new IORedis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        await probe.ping();
        probe.disconnect();
        return;
      } catch {
        probe.disconnect();
        if (child.exitCode !== null) throw new Error(`redis-server on port ${this.port} exited with ${child.exitCode}`);
        if (Date.now() > deadline) throw new Error(`redis-server on port ${this.port} did not answer within 10 s`);
        await new Promise((r) => setTimeout(r, 25));
      }
    }
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
