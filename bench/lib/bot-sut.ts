/**
 * The bot under test, as production runs it: its own process (bench/sut.ts, `NODE_ENV=production`,
 * webhook mode) against a database whose indexes `migrate` built first, since production refuses
 * to start without them. Shared by the throughput runs (bench/run.ts) and the surge (bench/surge.ts).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
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
  /** The roles the process runs (default `bot,worker`); `bot` or `worker` alone for the scale-out setup. */
  roles?: string;
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
      // For bench/alloc-sampler.cjs (preloaded with BENCH_BOT_NODE_ARGS): when to sample.
      ...(process.env.BENCH_ALLOC_WINDOW ? { BENCH_ALLOC_WINDOW: process.env.BENCH_ALLOC_WINDOW } : {}),
  };
  const roles = o.roles ?? 'bot,worker';
  const handle = o.dist
    ? await spawnDist(env, o.logFile, o.nodeArgs ?? [], roles)
    : await spawnChild({ name: o.roles ?? 'bot', script: 'bench/sut.ts', nodeArgs: o.nodeArgs ?? [], env: { ...env, BENCH_ROLES: roles }, logFile: o.logFile, readyTimeoutMs: 60_000 });
  return {
    ...handle,
    // A process without the worker role serves no worker port: its webhook server answers /metrics.
    mongoCommands: () => (env.BENCH_COUNT_MONGO ? mongoCommandsOf(`http://127.0.0.1:${roles.split(',').includes('worker') ? env.WORKER_HTTP_PORT : port}/metrics`) : Promise.resolve(null)),
    // The webhook server answers /metrics in every process that has the bot role.
    updateBuckets: () => updateBucketsOf(`http://127.0.0.1:${port}/metrics`),
  };
}

export type BotSut = ChildHandle & {
  /** MongoDB commands the bot sent so far, by "command:collection"; null unless BENCH_COUNT_MONGO is set. */
  mongoCommands(): Promise<Record<string, number> | null>;
  /** `ripoti_update_seconds` so far: cumulative count by bucket bound (ms), all update types. */
  updateBuckets(): Promise<Map<number, number>>;
};

async function updateBucketsOf(url: string): Promise<Map<number, number>> {
  const text = await (await fetch(url)).text();
  const out = new Map<number, number>();
  for (const m of text.matchAll(/^ripoti_update_seconds_bucket\{le="([^"]+)",type="[^"]*"\} (\d+)/gm)) {
    const bound = m[1] === '+Inf' ? Number.POSITIVE_INFINITY : Number(m[1]) * 1000;
    out.set(bound, (out.get(bound) ?? 0) + Number(m[2]));
  }
  return out;
}

/**
 * The smallest bucket bound (ms) under which a share `q` of the updates handled between two
 * readings finished: the bot's own view of its latency, without the load driver's or the
 * network's part (so a tail the clients see and the bot does not is not the bot's).
 */
export function bucketQuantile(before: Map<number, number>, after: Map<number, number>, q: number): number | undefined {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const total = (after.get(Number.POSITIVE_INFINITY) ?? 0) - (before.get(Number.POSITIVE_INFINITY) ?? 0);
  if (total <= 0) return undefined;
  return bounds.find((b) => (after.get(b) ?? 0) - (before.get(b) ?? 0) >= q * total);
}

/** MongoDB commands of every process (the scale-out setup's bots and worker), summed; null unless counted. */
export async function mongoCommandsOfAll(suts: readonly BotSut[]): Promise<Record<string, number> | null> {
  const each = await Promise.all(suts.map((s) => s.mongoCommands()));
  if (each.some((c) => c === null)) return null;
  const out: Record<string, number> = {};
  for (const c of each) for (const [k, v] of Object.entries(c!)) out[k] = (out[k] ?? 0) + v;
  return out;
}

/** `ripoti_mongo_commands_total` from the bot's Prometheus text. */
async function mongoCommandsOf(url: string): Promise<Record<string, number>> {
  const text = await (await fetch(url)).text();
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^ripoti_mongo_commands_total\{command="([^"]*)",collection="([^"]*)"\} (\d+)/gm)) out[`${m[1]}:${m[2]}`] = Number(m[3]);
  return out;
}

/**
 * Heap figures from the process's own Prometheus metrics (prom-client's defaults: what V8 reports
 * for the heap and its spaces, and memory held outside it), so the dist process needs no IPC.
 */
export async function metricsMemory(origin: string): Promise<Record<string, number>> {
  const text = await fetch(`${origin}/metrics`).then((r) => r.text());
  const out: Record<string, number> = {};
  const pick = (re: RegExp, key: string) => {
    const m = re.exec(text);
    if (m) out[key] = Number(m[1]);
  };
  pick(/^nodejs_heap_size_used_bytes (\S+)/m, 'heapUsed');
  pick(/^nodejs_heap_size_total_bytes (\S+)/m, 'heapTotal');
  pick(/^nodejs_external_memory_bytes (\S+)/m, 'external');
  for (const m of text.matchAll(/^nodejs_heap_space_size_(used|total)_bytes\{space="(\w+)"\} (\S+)/gm)) out[`${m[2]}.${m[1]}`] = Number(m[3]);
  // Time spent in garbage collection so far (seconds) and how many, by kind (minor, major, ...).
  for (const m of text.matchAll(/^nodejs_gc_duration_seconds_(sum|count)\{kind="(\w+)"\} (\S+)/gm)) out[`gc.${m[2]}.${m[1]}`] = Number(m[3]);
  return out;
}

/** The Node flags production starts with (package.json `config.nodeFlags`). */
export function productionNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { config?: { nodeFlags?: string } };
  return (pkg.config?.nodeFlags ?? '').split(' ').filter(Boolean);
}

/**
 * The dist build as the production command line starts it. No IPC here: ready when the process's
 * /readyz answers 200 (the webhook server's for a bot role, else the worker's ops server);
 * stopped with SIGTERM (main.ts shuts down gracefully); RSS from /proc, the heap from /metrics.
 */
async function spawnDist(env: Record<string, string>, logFile: string, nodeArgs: string[], roles: string): Promise<ChildHandle> {
  if (!existsSync(join(ROOT, 'dist', 'main.js'))) throw new Error('--dist needs the build: run `npm run build` first');
  const fd = openSync(logFile, 'a');
  // Production's flags first (package.json config.nodeFlags, as `npm start` and the image pass
  // them); the caller's after them, so a probe can override one (V8 takes the last).
  const child = spawn(process.execPath, [...productionNodeFlags(), ...nodeArgs, join(ROOT, 'dist', 'main.js'), roles], { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const pid = child.pid;
  if (pid === undefined) throw new Error('dist bot: could not start');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = roles.split(',').includes('bot') ? new URL(env.TELEGRAM_WEBHOOK_URL).origin : `http://127.0.0.1:${env.WORKER_HTTP_PORT}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dist ${roles} exited with ${child.exitCode} before it was ready (log: ${logFile})`);
    const ok = await fetch(`${origin}/readyz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`dist ${roles} not ready within 60 s (log: ${logFile})`);
    await new Promise((r) => setTimeout(r, 200));
  }
  let stopped: Promise<void> | null = null;
  return {
    name: `${roles} (dist)`,
    child,
    pid,
    url: env.TELEGRAM_WEBHOOK_URL,
    logFile,
    memory: async () => {
      const m = await metricsMemory(origin).catch(() => ({}) as Record<string, number>);
      return { type: 'mem', rss: rss(pid).rss, heapUsed: m.heapUsed ?? Number.NaN, heapTotal: m.heapTotal ?? Number.NaN, external: m.external ?? Number.NaN };
    },
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
