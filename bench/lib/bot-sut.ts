/**
 * The bot under test, as production runs it: its own process (bench/sut.ts, `NODE_ENV=production`,
 * webhook mode) against a database whose indexes `migrate` built first, since production refuses
 * to start without them. Shared by the throughput runs (bench/run.ts) and the surge (bench/surge.ts).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { applyIndexes, connectMongo, createStore } from '../../src/store';
import { freePort } from '../../test/support/ports';
import { ROOT, spawnChild, type ChildHandle } from './child';
import { rss } from './sysinfo';

/** Builds every index the roles check for, as `node dist/main.js migrate` does. */
export async function migrateIndexes(mongoUri: string): Promise<void> {
  const conn = await connectMongo(mongoUri, { autoIndex: false });
  createStore(conn, [{ id: 'migrate', key: Buffer.alloc(32) }]);
  await applyIndexes(conn);
  await conn.close();
}

export interface BotSutOptions {
  telegram: { token: string; apiRoot: string };
  secret: string;
  /** TELEGRAM_WEBHOOK_MAX_CONNECTIONS. */
  connections: number;
  mongoUri: string;
  redisUrl: string;
  prefix: string;
  dataKey: string;
  /** TELEGRAM_SEND_RATE_PER_SECOND ('0': unpaced, for a double that never says no). */
  sendRate: number;
  logFile: string;
  nodeArgs?: string[];
  /**
   * Run `node dist/main.js bot,worker` (the `npm run build` output, plain Node, no tsx) instead of
   * bench/sut.ts under tsx: what production runs, for the memory figure.
   */
  dist?: boolean;
}

/** Starts the bot role (and the worker's parts bench/sut.ts runs) and resolves once it is ready. */
export async function startBotSut(o: BotSutOptions): Promise<BotSut> {
  const port = await freePort();
  const env = {
      NODE_ENV: 'production',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      TELEGRAM_BOT_TOKEN: o.telegram.token,
      TELEGRAM_API_ROOT: o.telegram.apiRoot,
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/${randomBytes(6).toString('hex')}`,
      TELEGRAM_WEBHOOK_SECRET: o.secret,
      TELEGRAM_WEBHOOK_HOST: '127.0.0.1',
      TELEGRAM_WEBHOOK_PORT: String(port),
      TELEGRAM_WEBHOOK_MAX_CONNECTIONS: String(o.connections),
      TELEGRAM_SEND_RATE_PER_SECOND: String(o.sendRate),
      MONGODB_URI: o.mongoUri,
      REDIS_URL: o.redisUrl,
      REDIS_PREFIX: o.prefix,
      DATA_KEY: o.dataKey,
      CONSOLE_HOST: '127.0.0.1',
      CONSOLE_PORT: String(await freePort()),
      WORKER_HTTP_PORT: String(await freePort()),
      // Opt-in: the bot counts its MongoDB commands on /metrics (`mongoCommands` below).
      ...(process.env.BENCH_COUNT_MONGO ? { BENCH_COUNT_MONGO: 'true' } : {}),
  };
  const handle = o.dist
    ? await spawnDist(env, o.logFile, o.nodeArgs ?? [])
    : await spawnChild({ name: 'bot', script: 'bench/sut.ts', nodeArgs: o.nodeArgs ?? [], env, logFile: o.logFile, readyTimeoutMs: 60_000 });
  return { ...handle, mongoCommands: () => (env.BENCH_COUNT_MONGO ? mongoCommandsOf(`http://127.0.0.1:${env.WORKER_HTTP_PORT}/metrics`) : Promise.resolve(null)) };
}

export type BotSut = ChildHandle & {
  /** MongoDB commands the bot sent so far, by "command:collection"; null unless BENCH_COUNT_MONGO is set. */
  mongoCommands(): Promise<Record<string, number> | null>;
};

/** `ripoti_mongo_commands_total` from the bot's Prometheus text. */
async function mongoCommandsOf(url: string): Promise<Record<string, number>> {
  const text = await (await fetch(url)).text();
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^ripoti_mongo_commands_total\{command="([^"]*)",collection="([^"]*)"\} (\d+)/gm)) out[`${m[1]}:${m[2]}`] = Number(m[3]);
  return out;
}

/**
 * The dist build as the production command line starts it. No IPC here: ready when the worker
 * role's /readyz answers 200 and the webhook answers at all; stopped with SIGTERM (main.ts shuts
 * down gracefully); memory from /proc.
 */
async function spawnDist(env: Record<string, string>, logFile: string, nodeArgs: string[]): Promise<ChildHandle> {
  if (!existsSync(join(ROOT, 'dist', 'main.js'))) throw new Error('--dist needs the build: run `npm run build` first');
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist', 'main.js'), 'bot,worker'], { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const pid = child.pid;
  if (pid === undefined) throw new Error('dist bot: could not start');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dist bot exited with ${child.exitCode} before it was ready (log: ${logFile})`);
    const ok = await fetch(`http://127.0.0.1:${env.WORKER_HTTP_PORT}/readyz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`dist bot not ready within 60 s (log: ${logFile})`);
    await new Promise((r) => setTimeout(r, 200));
  }
  let stopped: Promise<void> | null = null;
  return {
    name: 'bot (dist)',
    child,
    pid,
    url: env.TELEGRAM_WEBHOOK_URL,
    logFile,
    memory: () => Promise.resolve({ type: 'mem', rss: rss(pid).rss, heapUsed: Number.NaN, heapTotal: Number.NaN, external: Number.NaN }),
    stop(timeoutMs = 15_000) {
      stopped ??= (async () => {
        if (child.exitCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => {
          if (child.exitCode === null) child.kill('SIGKILL');
        }, timeoutMs);
        await exited;
        clearTimeout(timer);
      })();
      return stopped;
    },
  };
}
