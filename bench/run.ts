/**
 * `npm run bench [-- --quick] [--runs N] [--connections N] [--profile] [--skip-delivery]`
 * (`--triage-only`: just the triage linker, bench/triage.ts; `--skip-triage`: all but it;
 * `--surge-only [--surge N] [--surge-window S]`: the surge under Telegram's limits, bench/surge.ts; `--skip-surge`)
 * (`--dist`: the bot from `npm run build`; `--levels 200`, `--no-paced`, `--in-progress N`: other sizes;
 * `--intake-only --with-floor`: intake and the floor only, for A/B comparisons)
 * (`--bot-processes N`: after the single process, the same intake levels and `--paced` rates
 * against the scale-out setup, N processes of the `bot` role and one `worker`, the webhook POSTs
 * spread over the bots; `--paced-only` leaves out its levels too)
 * (`--api-delay-ms N`: the Bot API double answers every call N ms late, as a distant
 * api.telegram.org would; env BENCH_COUNT_MONGO, BENCH_COUNT_SYSCALLS: more figures per update;
 * BENCH_BOT_NODE_ARGS, BENCH_MONGO_NODE_ARGS: Node flags for the bot, the MongoDB test server)
 * (`--warmup N`: journeys before the measured ones, floor and bot alike; `--journeys N` (<= 3):
 * journeys per reporter at each `--levels` level; `--target-rates P,C`: the paced rates where the
 * p99 and Confirm -> available targets apply, default 500,1000 as issue 17 names them)
 *
 * Starts the real bot (webhook mode, Redis sessions, MongoDB store, tickets queue, replies worker)
 * as a child process against the Bot API double and drives simulated reporters over HTTP; measures
 * intake, the floor (a minimal telegraf webhook bot), the pipeline to the agents' queue, delivery of
 * agents' replies, and memory. Prints a table of medians over the runs and writes
 * bench/results.json. See BENCHMARKS.md for the method and the results.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import IORedis, { type Redis } from 'ioredis';
import { Types } from 'mongoose';
import { sessionKey } from '../src/bot';
import { createLogger, type Logger } from '../src/logger';
import { createQueues, type Queues } from '../src/queue';
import { closeRedis, createRedis } from '../src/redis';
import { redisKeys } from '../src/redis-keys';
import { RedisEventBus } from '../src/queue';
import { TicketService } from '../src/services/ticket-service';
import { TicketDesk } from '../src/services/ticket-desk';
import { ReportService } from '../src/services/report-service';
import { SlaService } from '../src/services/sla-service';
import { connectMongo, createStore, type Store } from '../src/store';
import { TelegramDouble, type RecordedCall } from '../test/support/telegram';
import type { ChatState } from '../test/support/telegram/state';
import { ROOT, spawnChild, type ChildHandle } from './lib/child';
import { bucketQuantile, migrateIndexes, mongoCommandsOfAll, startBotSut, type BotSut, type BotSutOptions } from './lib/bot-sut';
import { DoubleDriver } from './lib/double';
import { botJourney, floorJourney, REFERENCE_RE } from './lib/journeys';
import { runReporters, WebhookClient, type ReporterOutcome, type ScenarioResult, type Step } from './lib/load';
import { figureList, ISSUE_RATES, printTable, type PacedTargets, type RunFigures } from './lib/report';
import { maxInSlidingWindow, maxPerCalendarSecond, median, summarize, type Summary } from './lib/stats';
import { countKernelWork, cpuByThread, cpuSeconds, machine, rss, type KernelCounts } from './lib/sysinfo';
import { freePort } from '../test/support/ports';
import { runTriageBench } from './triage';
import { runSurgeBench } from './surge';
import { runMain } from './lib/run-main';

// ---------------------------------------------------------------- options

interface Options {
  quick: boolean;
  runs: number;
  connections: number;
  profile: boolean;
  skipDelivery: boolean;
  skipFloor: boolean;
  /** Also the floor with telegraf's session in Redis (a GET and a SET per update). */
  floorRedis: boolean;
  skipBot: boolean;
  /** Only what delivery needs: tickets from one round of journeys, the takes, the replies. */
  deliveryOnly: boolean;
  /** results file under bench/ (default results.json). */
  out: string;
  /** Only the intake scenarios (no floor, memory, takes, delivery): for A/B comparisons. */
  intakeOnly: boolean;
  /** Replaces the open-loop rates (updates/s offered by 200 reporters), e.g. --paced 500,1000. */
  paced?: number[];
  /** Skips the closed-loop levels (with --paced: latency at given loads only). */
  pacedOnly: boolean;
  /** The bot from the `dist/` build (`npm run build`), plain Node as production runs it, not tsx. */
  dist: boolean;
  /** Replaces the closed-loop levels (reporters, one journey each), e.g. --levels 200. */
  levels?: number[];
  /** Conversations left in progress for the memory figures (default: the mode's). */
  inProgress?: number;
  /** --warmup: journeys run before the measured ones (default: the mode's). */
  warmup?: number;
  /** --journeys: journeys per reporter at each --levels level (default 1). */
  journeys: number;
  /**
   * The scale-out setup as well: this many processes of the `bot` role and one `worker`, on the
   * same Redis prefix and database, the POSTs spread over the bots; its intake levels are run after
   * the single-process ones of the same run (1: single process only).
   */
  botProcesses: number;
  /** --api-delay-ms: how long the Bot API double waits before each answer. */
  apiDelayMs: number;
  /** --target-rates P,C: the paced rates where issue 17's p99 and Confirm -> available targets apply. */
  targetRates: PacedTargets;
}

/** The positive integer after `flag`; `dflt` without the flag. */
function positiveInt(argv: string[], flag: string, dflt: number): number {
  const i = argv.indexOf(flag);
  if (i < 0) return dflt;
  const v = Number(argv[i + 1]);
  if (!Number.isInteger(v) || v < 1) throw new Error(`${flag} expects a positive integer`);
  return v;
}

/** The comma-separated counts after `flag` (reporters or updates/s, 1 to 5,000 each); undefined without the flag. */
function countsArg(argv: string[], flag: string, usage: string): number[] | undefined {
  const i = argv.indexOf(flag);
  if (i < 0) return undefined;
  const n = (argv[i + 1] ?? '').split(',').map(Number);
  if (!n.every((r) => Number.isInteger(r) && r > 0 && r <= 5000)) throw new Error(usage);
  return n;
}

/**
 * --journeys: journeys per reporter at each --levels level (default 1), a longer measured window.
 * At most 3: a fourth would pass the reporter's 40 updates a minute (MESSAGES_PER_MINUTE), and be refused.
 */
function journeysArg(argv: string[]): number {
  const j = positiveInt(argv, '--journeys', 1);
  if (j > 3) throw new Error('--journeys is at most 3: more updates a minute from one reporter are refused by MESSAGES_PER_MINUTE (40)');
  return j;
}

/** --target-rates P,C (default issue 17's). */
function targetRatesArg(argv: string[]): PacedTargets {
  const i = argv.indexOf('--target-rates');
  if (i < 0) return ISSUE_RATES;
  const [p99At, confirmAt] = (argv[i + 1] ?? '').split(',').map(Number);
  if (![p99At, confirmAt].every((r) => Number.isInteger(r) && r > 0)) throw new Error('--target-rates expects two paced rates, e.g. 170,345 (the shares of this machine\'s floor)');
  return { p99At, confirmAt };
}

/** --out: the results file's name under bench/ (results*.json, which bench/.gitignore knows). */
function outArg(argv: string[]): string {
  const i = argv.indexOf('--out');
  const name = i >= 0 ? argv[i + 1] : 'results.json';
  if (!name || !/^results[\w-]*\.json$/.test(name)) throw new Error('--out expects a file name like results-delivery.json');
  return name;
}

function parseArgs(argv: string[]): Options {
  const has = (f: string) => argv.includes(f);
  const num = (f: string, dflt: number) => positiveInt(argv, f, dflt);
  const quick = has('--quick');
  const profile = has('--profile');
  return {
    quick,
    profile,
    runs: num('--runs', quick || profile ? 1 : 3),
    connections: num('--connections', 40),
    skipDelivery: has('--skip-delivery') || has('--intake-only') || has('--paced-only') || profile,
    skipFloor: has('--skip-floor') || has('--delivery-only') || ((has('--intake-only') || has('--paced-only')) && !has('--with-floor')) || profile,
    floorRedis: has('--floor-redis'),
    // (--intake-only and --paced-only also skip delivery, below)
    skipBot: has('--floor-only'),
    deliveryOnly: has('--delivery-only'),
    intakeOnly: has('--intake-only') || has('--paced-only'),
    pacedOnly: has('--paced-only'),
    dist: has('--dist'),
    levels: countsArg(argv, '--levels', '--levels expects reporter counts like 200 or 50,200'),
    inProgress: argv.includes('--in-progress') ? num('--in-progress', 1000) : undefined,
    // Journeys before the measured ones (floor and bot alike), so the JIT has settled as in a long-lived process.
    warmup: argv.includes('--warmup') ? num('--warmup', 50) : undefined,
    journeys: journeysArg(argv),
    botProcesses: num('--bot-processes', 1),
    // The double answers each Bot API call this much later: a distant api.telegram.org.
    apiDelayMs: argv.includes('--api-delay-ms') ? num('--api-delay-ms', 1) : 0,
    paced: countsArg(argv, '--paced', '--paced expects rates like 500,1000'),
    targetRates: targetRatesArg(argv),
    out: outArg(argv),
  };
}

interface Level {
  reporters: number;
  /** Journeys per reporter, one after the other, so small levels run long enough to measure. */
  journeys: number;
}

interface Sizes {
  levels: Level[];
  /** Open-loop scenarios: `reporters` sending `offered` updates/s in total. */
  paced: { reporters: number; offered: number; journeys: number }[];
  warmup: number;
  inProgress: number;
  agents: number;
  deliveryChats: number;
  repliesPerChat: number;
}

const FULL: Sizes = {
  levels: [
    { reporters: 50, journeys: 2 },
    { reporters: 200, journeys: 1 },
    { reporters: 1000, journeys: 1 },
  ],
  paced: [{ reporters: 200, offered: 1000, journeys: 2 }],
  warmup: 50, inProgress: 1000, agents: 10, deliveryChats: 500, repliesPerChat: 10 };
const QUICK: Sizes = {
  levels: [
    { reporters: 10, journeys: 2 },
    { reporters: 50, journeys: 1 },
    { reporters: 100, journeys: 1 },
  ],
  paced: [{ reporters: 50, offered: 250, journeys: 1 }],
  warmup: 10, inProgress: 100, agents: 10, deliveryChats: 50, repliesPerChat: 10 };

// ---------------------------------------------------------------- helpers

/** The Redis every scenario uses (the bench's keys live under their own prefixes). */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Extra Node flags for a child process from an env variable (BENCH_BOT_NODE_ARGS, BENCH_MONGO_NODE_ARGS). */
const nodeArgsFrom = (name: string): string[] => process.env[name]?.split(' ').filter(Boolean) ?? [];

const log = (msg: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);

const round = (v: number, digits = 1) => (Number.isFinite(v) ? Math.round(v * 10 ** digits) / 10 ** digits : Number.NaN);

/** Deletes every key under the prefix (SCAN, bounded batches). */
async function cleanupPrefix(redis: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  for (let i = 0; i < 100_000; i++) {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length) deleted += await redis.unlink(...keys);
    cursor = next;
    if (cursor === '0') break;
  }
  return deleted;
}

async function redisCpu(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const f = (k: string) => Number(new RegExp(`^${k}:([\\d.]+)`, 'm').exec(info)?.[1] ?? Number.NaN);
  return f('used_cpu_user') + f('used_cpu_sys');
}

async function redisUsedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/^used_memory:(\d+)/m.exec(info)?.[1] ?? Number.NaN);
}

/** Unique Telegram user ids per run and scenario: dedupe keys, sessions and rate limits never collide. */
class Ids {
  private next: number;
  constructor(base: number) {
    this.next = base;
  }
  take(n: number): number[] {
    const out = Array.from({ length: n }, (_, i) => this.next + i);
    this.next += n;
    return out;
  }
}

interface CpuProbe {
  read(): Promise<Record<string, number>>;
}

/** CPU seconds used by each process during a scenario, as a share of one core. */
async function withCpu<T>(probe: CpuProbe, fn: () => Promise<T>): Promise<{ result: T; cpu: Record<string, number>; wallS: number }> {
  const before = await probe.read();
  const t0 = performance.now();
  const result = await fn();
  const wallS = (performance.now() - t0) / 1000;
  const after = await probe.read();
  const cpu: Record<string, number> = {};
  // A thread started during the scenario (V8 and libuv start helpers on demand) counts from zero.
  for (const k of Object.keys(after)) cpu[k] = round(((after[k] - (before[k] ?? 0)) / wallS) * 100, 0);
  return { result, cpu, wallS };
}

/** BENCH_COUNT_MONGO: the bot's MongoDB commands during a scenario, per completed journey (total and by "command:collection"). */
function mongoPerJourney(before: Record<string, number> | null, after: Record<string, number> | null, journeys: number): { total: number; by: Record<string, number> } | null {
  if (!before || !after || journeys === 0) return null;
  const by: Record<string, number> = {};
  let total = 0;
  for (const [k, v] of Object.entries(after)) {
    const d = v - (before[k] ?? 0);
    if (d === 0) continue;
    by[k] = round(d / journeys, 2);
    total += d;
  }
  return { total: round(total / journeys, 2), by };
}

/**
 * CPU time a process spent per update (ms), from its share of a core over the scenario: unlike
 * updates/s it hardly moves when other work on the machine takes cores away.
 */
function cpuMsPerUpdate(cpuPercent: number | undefined, wallS: number, updates: number): number {
  return cpuPercent === undefined || updates === 0 ? Number.NaN : round((cpuPercent * wallS * 10) / updates, 3);
}

/** Cores the processes of a run kept busy between them (the sum of their cpu%). */
function busyCores(cpu: Record<string, number>): number {
  const all = Object.entries(cpu).filter(([name]) => !name.endsWith('Main') && name !== 'worker' && !name.startsWith('thread:'));
  return round(all.reduce((sum, [, pct]) => sum + pct, 0) / 100, 2);
}

/**
 * The intake share of the floor this machine would allow if the bot cost no more per update than
 * the floor with a Redis session: the intake run's busy cores divided by that floor's CPU per
 * update plus what the MongoDB test server, Redis and the load driver spent per update in the
 * intake run, against the floor's updates/s. It tells how much of the gap is the bot's own code
 * and how much is the rest of the machine, which the floor's run does not carry.
 */
function ceilingShare(figures: Record<string, number>, n: number): number | undefined {
  const parts = [`floorRedis.${n}.cpu`, `bot.${n}.mongoCpu`, `bot.${n}.redisCpu`, `bot.${n}.driverCpu`].map((key) => figures[key]);
  const busy = figures[`bot.${n}.busy`];
  const floor = figures[`floor.${n}.ups`];
  if (parts.some((v) => v === undefined || Number.isNaN(v)) || busy === undefined || Number.isNaN(busy) || floor === undefined) return undefined;
  const perUpdateMs = parts.reduce((sum, v) => sum + v, 0);
  return round(((busy * 1000) / perUpdateMs / floor) * 100, 1);
}

/** BENCH_COUNT_SYSCALLS: counts the processes' system calls and context switches while `run` runs. */
async function withKernelCounts<T>(pids: readonly number[], run: () => Promise<T>): Promise<{ out: T; kernel: KernelCounts | null }> {
  if (!process.env.BENCH_COUNT_SYSCALLS) return { out: await run(), kernel: null };
  const counter = countKernelWork(pids);
  let out: T;
  try {
    out = await run();
  } catch (err) {
    await counter.stop();
    throw err;
  }
  return { out, kernel: await counter.stop() };
}

/** Per update, rounded: what the log line and the table show of kernel counts. */
function perUpdate(k: KernelCounts, updates: number): { syscalls: number; switches: number } {
  return { syscalls: round(k.syscalls / Math.max(1, updates), 1), switches: round(k.contextSwitches / Math.max(1, updates), 2) };
}

/** New TCP connections the Bot API double accepted per 1,000 Bot API calls it recorded. */
function connectionsPer1000(connections: number, calls: number): number {
  return calls === 0 ? Number.NaN : round((connections / calls) * 1000, 0);
}

/**
 * Bot API requests per update (what costs the bot a request and an answer); a call the bot handed
 * back in its webhook answer is listed as "<method> in answer" and not counted in `total`.
 */
function callsPerUpdate(recorded: readonly { method: string; viaWebhookReply?: boolean }[], updates: number): { total: number; byMethod: Record<string, number> } {
  const byMethod: Record<string, number> = {};
  let requests = 0;
  for (const c of recorded) {
    const key = c.viaWebhookReply ? `${c.method} in answer` : c.method;
    byMethod[key] = (byMethod[key] ?? 0) + 1;
    if (!c.viaWebhookReply) requests++;
  }
  for (const m of Object.keys(byMethod)) byMethod[m] = round(byMethod[m] / Math.max(1, updates), 3);
  return { total: round(requests / Math.max(1, updates), 3), byMethod };
}

function stepFigures(ms: number[]): { count: number; p50: number; p99: number } {
  const s = summarize(ms);
  return { count: s.count, p50: round(s.p50, 2), p99: round(s.p99, 2) };
}

function scenarioFigures(r: ScenarioResult) {
  const s = summarize(r.service);
  const t = summarize(r.total);
  return {
    reporters: r.reporters,
    connections: r.connections,
    updates: r.updates,
    failedPosts: r.failedPosts,
    journeysCompleted: r.journeysCompleted,
    journeysFailed: r.journeysFailed,
    firstErrors: r.firstErrors,
    wallS: round(r.wallMs / 1000, 2),
    updatesPerSec: round(r.updates / (r.wallMs / 1000)),
    reportsPerSec: round(r.journeysCompleted / (r.wallMs / 1000), 2),
    serviceMs: { p50: round(s.p50, 2), p95: round(s.p95, 2), p99: round(s.p99, 2), max: round(s.max, 2), mean: round(s.mean, 2) },
    totalMs: { p50: round(t.p50, 2), p95: round(t.p95, 2), p99: round(t.p99, 2), max: round(t.max, 2) },
    /** The steps with the slowest p99, slowest first: where the overall tail comes from. */
    slowestSteps: [...r.byStep]
      .map(([step, ms]) => ({ step, ...summarize(ms) }))
      .sort((a, b) => b.p99 - a.p99)
      .slice(0, 4)
      .map((x) => `${x.step} p50 ${round(x.p50, 1)} p99 ${round(x.p99, 1)} ms (${x.count})`),
    /** Every step's answer time (bench/results.json), e.g. to compare the button presses between builds. */
    steps: Object.fromEntries([...r.byStep].map(([step, ms]) => [step, stepFigures(ms)])),
  };
}

type ScenarioFigures = ReturnType<typeof scenarioFigures> & { cpuPercent?: Record<string, number> };

// ---------------------------------------------------------------- one run

interface RunContext {
  opts: Options;
  sizes: Sizes;
  runIndex: number;
  logDir: string;
}

interface RunOutput {
  figures: RunFigures;
  detail: Record<string, unknown>;
}

/** Where the floor keeps its session: in memory (`floor.*` figures) or in Redis (`floorRedis.*`). */
type FloorKind = 'floor' | 'floorRedis';

async function runFloor(ctx: RunContext, ids: Ids, figures: RunFigures, detail: Record<string, unknown>, kind: FloorKind = 'floor'): Promise<void> {
  const { sizes, opts } = ctx;
  const tg = await TelegramDouble.start();
  const driver = new DoubleDriver(tg, 1_000_000);
  const secret = randomBytes(24).toString('base64url');
  const path = `/floor/${randomBytes(6).toString('hex')}`;
  const redisPrefix = `bench-floor-${randomBytes(5).toString('hex')}`;
  const inRedis = kind === 'floorRedis' ? { BENCH_REDIS_URL: REDIS_URL, BENCH_REDIS_PREFIX: redisPrefix } : {};
  let floor: ChildHandle | undefined;
  try {
    floor = await spawnChild({
      name: kind === 'floor' ? 'floor bot' : 'floor bot (Redis session)',
      script: 'bench/floor.ts',
      env: { BENCH_TOKEN: tg.token, BENCH_API_ROOT: tg.apiRoot, BENCH_SECRET: secret, BENCH_PORT: String(await freePort()), BENCH_PATH: path, ...inRedis },
      logFile: join(ctx.logDir, `${kind}-run${ctx.runIndex}.log`),
    });
    const client = new WebhookClient(floor.url, secret, opts.connections, undefined, driver.runReply);
    const probe: CpuProbe = {
      read: async () => ({
        floor: cpuSeconds(floor!.pid),
        floorMain: cpuSeconds(floor!.pid, true),
        driver: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
        ...cpuByThread(floor!.pid, 'thread:'),
      }),
    };
    const chatsFor = (n: number) => ids.take(n).map((id, i) => driver.addReporter(id, i % 3 === 0 ? 'sw' : 'en'));
    await runReporters(client, driver, chatsFor(sizes.warmup), floorJourney(), { deadlineMs: 120_000 });
    const levels: Record<string, ScenarioFigures> = {};
    for (const level of sizes.levels) {
      const n = level.reporters;
      driver.clearRecorded();
      const conns = tg.connectionsAccepted;
      const { out, kernel } = await withKernelCounts([floor!.pid], () => withCpu(probe, () => runReporters(client, driver, chatsFor(n), floorJourney(), { deadlineMs: 300_000, journeys: level.journeys })));
      const { result, cpu, wallS } = out;
      const k = kernel ? perUpdate(kernel, result.updates) : null;
      if (k) figures[`${kind}.${n}.sys`] = k.syscalls;
      figures[`${kind}.${n}.conns`] = connectionsPer1000(tg.connectionsAccepted - conns, driver.state.recorded.length);
      levels[n] = { ...scenarioFigures(result), cpuPercent: cpu };
      figures[`${kind}.${n}.ups`] = levels[n].updatesPerSec;
      figures[`${kind}.${n}.cpu`] = cpuMsPerUpdate(cpu.floor, wallS, result.updates);
      figures[`${kind}.${n}.mainCpu`] = cpuMsPerUpdate(cpu.floorMain, wallS, result.updates);
      figures[`${kind}.${n}.driverCpu`] = cpuMsPerUpdate(cpu.driver, wallS, result.updates);
      figures[`${kind}.${n}.busy`] = busyCores(cpu);
      figures[`${kind}.${n}.p99`] = levels[n].serviceMs.p99;
      log(`${kind} ${n} reporters x ${level.journeys}: ${levels[n].updatesPerSec} updates/s, p50 ${levels[n].serviceMs.p50} ms, p99 ${levels[n].serviceMs.p99} ms, failed journeys ${result.journeysFailed}, cpu% ${JSON.stringify(cpu)}${k ? `; per update ${k.syscalls} system calls, ${k.switches} context switches` : ''}`);
    }
    detail[kind] = levels;
    client.close();
  } finally {
    await floor?.stop();
    await tg.stop();
    if (kind === 'floorRedis') {
      const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: 3 });
      const deleted = await cleanupPrefix(redis, redisPrefix).catch(() => -1);
      log(`cleaned up ${deleted} Redis keys under ${redisPrefix}:`);
      await closeRedis(redis);
    }
  }
}

/** Reads the tickets queue's event stream: when each job was added (Redis' clock, ms). */
async function ticketAddedTimes(redis: Redis, prefix: string, sinceMs: number): Promise<Map<string, number>> {
  const added = new Map<string, number>();
  const entries = (await redis.xrange(`${prefix}:tickets:events`, String(Math.floor(sinceMs)), '+')) as [string, string[]][];
  for (const [id, fields] of entries) {
    const f: Record<string, string> = {};
    for (let i = 0; i + 1 < fields.length; i += 2) f[fields[i]] = fields[i + 1];
    if (f.event === 'added' && f.jobId && !added.has(f.jobId)) added.set(f.jobId, Number(id.split('-')[0]));
  }
  return added;
}

/** What runBot starts, kept together so that `stopBotRig` stops whatever got started. */
interface BotRig {
  prefix: string;
  dbName: string;
  dataKey: string;
  secret: string;
  redis: Redis;
  tg: TelegramDouble;
  driver: DoubleDriver;
  logger: Logger;
  mongo?: ChildHandle;
  sut?: BotSut;
  /** The scale-out setup's processes (bots, then the worker); empty for a single process. */
  fleet: BotSut[];
  conn?: Awaited<ReturnType<typeof connectMongo>>;
  queues?: Queues;
  consoleRedis: Redis[];
}

/** A fresh prefix, database name and data key, Redis and the Bot API double: before anything can fail halfway. */
async function openBotRig(opts: Options): Promise<BotRig> {
  const prefix = `bench-${randomBytes(5).toString('hex')}`;
  const dbName = `ripoti_bench_${randomBytes(4).toString('hex')}`;
  const dataKey = `k1:${randomBytes(32).toString('base64')}`;
  const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: 3 });
  const tg = await TelegramDouble.start({ apiDelayMs: opts.apiDelayMs });
  const driver = new DoubleDriver(tg, 5_000_000);
  const secret = randomBytes(24).toString('base64url');
  const logger = createLogger({ level: 'warn', name: 'bench-console' });
  return { prefix, dbName, dataKey, secret, redis, tg, driver, logger, fleet: [], consoleRedis: [] };
}

/** MongoDB: a real one when MONGODB_URI is set, else the project's test server in its own process; the run's database URI. */
async function openBenchMongo(ctx: RunContext, rig: BotRig, detail: Record<string, unknown>): Promise<string> {
  let mongoUri: string;
  if (process.env.MONGODB_URI) {
    mongoUri = process.env.MONGODB_URI;
    detail.mongo = 'MONGODB_URI';
  } else {
    rig.mongo = await spawnChild({ name: 'mongo test server', script: 'bench/mongo-server.ts', env: {}, nodeArgs: nodeArgsFrom('BENCH_MONGO_NODE_ARGS'), logFile: join(ctx.logDir, `mongo-run${ctx.runIndex}.log`) });
    mongoUri = rig.mongo.url;
    detail.mongo = 'test/support/mongo (startMongoTestServer), child process';
  }
  const u = new URL(mongoUri);
  u.pathname = `/${rig.dbName}`;
  mongoUri = u.toString();
  // Production refuses to start on missing indexes (src/store/migrate.ts): build them as `migrate` does.
  await migrateIndexes(mongoUri);
  return mongoUri;
}

/** How the bot process `name` (its log file's name) starts, running `roles` (default: bot and worker). */
function sutOptionsFor(ctx: RunContext, rig: BotRig, mongoUri: string, name: string, roles?: string): BotSutOptions {
  const { opts } = ctx;
  return {
    telegram: rig.tg,
    secret: rig.secret,
    connections: opts.connections,
    mongoUri,
    redisUrl: REDIS_URL,
    prefix: rig.prefix,
    dataKey: rig.dataKey,
    // Intake and delivery are measured against a double that never says no, as before the
    // shared budget (the surge scenario, bench/surge.ts, measures under Telegram's limits).
    sendRate: 0,
    logFile: join(ctx.logDir, `${name}-run${ctx.runIndex}.log`),
    // BENCH_BOT_NODE_ARGS: more flags for the bot, e.g. `--trace-gc` (its output goes to the bot's log).
    nodeArgs: [...(opts.profile ? ['--cpu-prof', `--cpu-prof-dir=${join(ROOT, 'bench', 'profiles')}`] : []), ...nodeArgsFrom('BENCH_BOT_NODE_ARGS')],
    dist: opts.dist,
    ...(roles ? { roles } : {}),
  };
}

/** The single `bot,worker` process, or the scale-out setup; `sut` is the (first) bot, `bots` take the POSTs. */
async function startApp(ctx: RunContext, rig: BotRig, mongoUri: string, botProcesses: number): Promise<{ sut: BotSut; bots: BotSut[] }> {
  const { opts } = ctx;
  const { fleet } = rig;
  const scaleOut = botProcesses > 1;
  const sutOptions = (name: string, roles?: string) => sutOptionsFor(ctx, rig, mongoUri, name, roles);
  let sut: BotSut;
  if (scaleOut) {
    // One worker (outbox relay, SLA, replies) and N bots, as docker/compose.yml runs the roles.
    fleet.push(...(await Promise.all(Array.from({ length: botProcesses }, (_, i) => startBotSut(sutOptions(`scale-bot${i + 1}`, 'bot'))))));
    fleet.push(await startBotSut(sutOptions('scale-worker', 'worker')));
    sut = fleet[0];
  } else sut = await startBotSut(sutOptions('bot'));
  rig.sut = sut;
  const bots = scaleOut ? fleet.slice(0, botProcesses) : [sut];
  log(`${scaleOut ? `${botProcesses} bot processes + 1 worker` : 'bot'} ready${opts.dist ? ' (dist build)' : ''}, pid ${fleet.length ? fleet.map((f) => f.pid).join(', ') : sut.pid}, prefix ${rig.prefix}`);
  return { sut, bots };
}

/** The replies queue's rate (`replies.ratePerSecond` below); delivery's target is 90% of it. */
const REPLIES_PER_SEC = 25;

/** The console side (agents), in this process: the same store and queues the console role uses. */
async function startConsoleSide(rig: BotRig, mongoUri: string): Promise<{ store: Store; tickets: TicketService }> {
  const { prefix, tg, logger } = rig;
  rig.conn = await connectMongo(mongoUri);
  const store: Store = createStore(rig.conn, [{ id: 'k1', key: Buffer.from(rig.dataKey.slice(3), 'base64') }]);
  const consoleConn = (kind: 'worker' | 'producer') => {
    const r = createRedis(REDIS_URL, kind);
    rig.consoleRedis.push(r);
    return r;
  };
  const events = new RedisEventBus(consoleConn('producer'), null, redisKeys(prefix).liveChannel);
  const queues = createQueues({
    config: {
      redis: { url: REDIS_URL, prefix },
      telegram: { token: tg.token, apiRoot: tg.apiRoot, mode: 'webhook', webhook: { host: '127.0.0.1', port: 0, maxConnections: 40 }, sendRatePerSecond: 28, paidBroadcast: false },
      // Agents hold many tickets here: the per-agent cap is a console policy, not what is measured.
      tickets: { maxPerAgent: 1_000_000, slaMinutes: [5, 15, 60, 240] },
      replies: { ratePerSecond: REPLIES_PER_SEC },
    },
    logger,
    redis: consoleConn,
    workers: false,
  });
  rig.queues = queues;
  const reports = new ReportService({ store, tickets: queues.tickets, logger });
  const sla = new SlaService({ store, events, logger, tickets: queues.tickets, scheduler: queues.sla, slaMinutes: [5, 15, 60, 240] });
  queues.tickets.attachSla(sla);
  const desk = new TicketDesk({ store, dispenser: queues.dispenser, tickets: queues.tickets, reports, maxPerAgent: 1_000_000, logger });
  const tickets = new TicketService({ store, desk, replies: queues.replies, events, logger });
  return { store, tickets };
}

/** One bot run's moving parts, as its scenarios (intake, memory, takes, delivery) use them. */
interface BotBench {
  ctx: RunContext;
  rig: BotRig;
  figures: RunFigures;
  detail: Record<string, unknown>;
  scaleOut: boolean;
  /** The (first) bot process. */
  sut: BotSut;
  store: Store;
  tickets: TicketService;
  client: WebhookClient;
  probe: CpuProbe;
  botPid: number;
  appPids: number[];
  /** reference -> chat, from the bot's "received" messages. */
  chatOfReference: Map<string, ChatState>;
  /** reference -> epoch ms when its Confirm POST was sent. */
  confirmOfReference: Map<string, number>;
  check: (d: DoubleDriver, chat: ChatState, outcome: ReporterOutcome) => string | null;
  chatsFor: (n: number) => ChatState[];
  full: Step[];
}

/** CPU of the app's processes, MongoDB's test server, Redis and this driver, as withCpu reads it. */
function appCpuProbe(rig: BotRig, appPids: readonly number[], botPid: number, scaleOut: boolean): CpuProbe {
  const { fleet, redis } = rig;
  const mongoPid = rig.mongo?.pid;
  return {
    read: async () => ({
      // Every process of the app (the scale-out setup's bots and worker together; `worker`: its worker alone).
      bot: appPids.reduce((sum, pid) => sum + cpuSeconds(pid), 0),
      botMain: appPids.reduce((sum, pid) => sum + cpuSeconds(pid, true), 0),
      ...(scaleOut ? { worker: cpuSeconds(fleet[fleet.length - 1].pid) } : {}),
      ...(mongoPid ? { mongo: cpuSeconds(mongoPid) } : {}),
      // The (first) bot's threads by name, for the log line: what it spends beside its main thread.
      ...cpuByThread(botPid, 'thread:'),
      redis: await redisCpu(redis),
      driver: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    }),
  };
}

type BotBenchParts = Pick<BotBench, 'ctx' | 'rig' | 'figures' | 'detail' | 'scaleOut' | 'sut' | 'store' | 'tickets'> & { ids: Ids; bots: BotSut[] };

/** The webhook client, the CPU probe and the reporters' journeys (with the check that keeps each reference) over the started app. */
function botBench(parts: BotBenchParts): BotBench {
  const { ctx, rig, ids, bots, sut, scaleOut, ...rest } = parts;
  const { driver, fleet } = rig;
  const client = new WebhookClient(bots.map((b) => b.url), rig.secret, ctx.opts.connections, undefined, driver.runReply);
  const botPid = sut.pid;
  const appPids = fleet.length ? fleet.map((f) => f.pid) : [botPid];
  const probe = appCpuProbe(rig, appPids, botPid, scaleOut);
  const chatOfReference = new Map<string, ChatState>();
  const confirmOfReference = new Map<string, number>();
  const check = (d: DoubleDriver, chat: ChatState, outcome: ReporterOutcome): string | null => {
    const ref = REFERENCE_RE.exec(d.lastBotText(chat))?.[0];
    if (!ref) return `no reference in the last message: ${JSON.stringify(d.lastBotText(chat).slice(0, 80))}`;
    chatOfReference.set(ref, chat);
    const at = outcome.startedAt.get('confirm');
    if (at !== undefined) confirmOfReference.set(ref, at);
    return null;
  };
  const chatsFor = (n: number) => ids.take(n).map((id, i) => driver.addReporter(id, i % 3 === 0 ? 'sw' : 'en'));
  const full: Step[] = botJourney();
  return { ctx, rig, sut, scaleOut, ...rest, client, probe, botPid, appPids, chatOfReference, confirmOfReference, check, chatsFor, full };
}

/** Warm-up (JIT, connection pools, indexes): not measured. */
async function warmUp(b: BotBench): Promise<void> {
  const warm = await runReporters(b.client, b.rig.driver, b.chatsFor(b.ctx.sizes.warmup), b.full, { deadlineMs: 180_000, check: b.check });
  log(`warm-up: ${warm.journeysCompleted}/${warm.reporters} journeys${warm.firstErrors.length ? `, errors: ${warm.firstErrors.join(' | ')}` : ''}`);
  if (warm.journeysCompleted === 0) throw new Error(`no journey completed in the warm-up: ${warm.firstErrors.join(' | ')}`);
}

type IntakeFigures = ScenarioFigures & { confirmToAvailableMs?: unknown; offeredPerSec?: number };

interface IntakeScenario {
  key: string;
  level: Level;
  paceMs?: number;
}

/** The intake scenarios of this run and mode, under the keys their figures take. */
function intakeScenarios(opts: Options, sizes: Sizes, scaleOut: boolean): IntakeScenario[] {
  const paced = (key: string) =>
    sizes.paced.map((p) => ({ key: `${key}.${p.offered}`, level: { reporters: p.reporters, journeys: p.journeys }, paceMs: (p.reporters / p.offered) * 1000 }));
  return scaleOut
    ? // The same offered rates against the scale-out setup: the latency targets with both cores' event loops.
      [...(opts.pacedOnly ? [] : sizes.levels.map((level) => ({ key: `scale.${level.reporters}`, level }))), ...paced('scalePaced')]
    : opts.deliveryOnly
    ? [{ key: `setup.${sizes.deliveryChats}`, level: { reporters: sizes.deliveryChats, journeys: 1 } }]
    : opts.profile
    ? [{ key: `bot.${sizes.levels[sizes.levels.length - 1].reporters}`, level: sizes.levels[sizes.levels.length - 1] }]
    : [...(opts.pacedOnly ? [] : sizes.levels.map((level) => ({ key: `bot.${level.reporters}`, level }))), ...paced('paced')];
}

/** 1. Intake, and from the same traffic 3a: Confirm -> ticket available. */
async function runIntake(b: BotBench): Promise<void> {
  const intake: Record<string, IntakeFigures> = {};
  for (const sc of intakeScenarios(b.ctx.opts, b.ctx.sizes, b.scaleOut)) intake[sc.key] = await runIntakeScenario(b, sc);
  b.detail.intake = intake;
}

/** What one intake scenario's traffic measured, before its figures are drawn from it. */
interface IntakeRun {
  result: ScenarioResult;
  cpu: Record<string, number>;
  wallS: number;
  kernel: KernelCounts | null;
  /** The double's connections accepted before the scenario. */
  conns: number;
  /** Epoch ms just before the scenario: its tickets' "added" events come after. */
  since: number;
  /** The bot's own answer time (its histogram's bounds). */
  botSide: { p50: number | undefined; p99: number | undefined };
}

/** One intake scenario: its figures under `<key>.*`, its log line, and its detail for results.json. */
async function runIntakeScenario(b: BotBench, sc: IntakeScenario): Promise<IntakeFigures> {
  const m = await driveIntake(b, sc);
  const f: IntakeFigures = { ...scenarioFigures(m.result), cpuPercent: m.cpu };
  if (sc.paceMs) f.offeredPerSec = round((sc.level.reporters / sc.paceMs) * 1000, 0);
  const s = await confirmToAvailable(b, m.since);
  f.confirmToAvailableMs = { count: s.count, p50: round(s.p50, 2), p99: round(s.p99, 2), max: round(s.max, 2) };
  const { apiCalls, kc } = recordIntakeFigures(b, sc, f, m, s);
  log(
    `${sc.key} (${sc.level.reporters} reporters x ${sc.level.journeys} journeys${sc.paceMs ? `, offered ${f.offeredPerSec}/s` : ''}): ${f.updatesPerSec} updates/s, ${f.reportsPerSec} reports/s, ` +
      `p50 ${f.serviceMs.p50} ms, p95 ${f.serviceMs.p95}, p99 ${f.serviceMs.p99} ms${sc.paceMs ? `, p99 from schedule ${f.totalMs.p99} ms` : ''}; ` +
      `confirm->available p50 ${round(s.p50, 2)} p99 ${round(s.p99, 2)} ms (${s.count}); slowest steps: ${f.slowestSteps.join(', ')}; the bot's own p50 <= ${m.botSide.p50} ms, p99 <= ${m.botSide.p99} ms${b.scaleOut ? ' (first bot process)' : ''}; Bot API calls per update ${apiCalls.total} ${JSON.stringify(apiCalls.byMethod)}; failed journeys ${m.result.journeysFailed}` +
      `${kc ? `; per update ${kc.syscalls} system calls, ${kc.switches} context switches (${b.scaleOut ? 'all app processes' : 'the bot'})` : ''}` +
      `${m.result.firstErrors.length ? ` (${m.result.firstErrors.join(' | ')})` : ''}; cpu% ${JSON.stringify(m.cpu)}`,
  );
  return f;
}

/** Runs the scenario's reporters with CPU, kernel, MongoDB and the bot's own latency counted around them. */
async function driveIntake(b: BotBench, sc: IntakeScenario): Promise<IntakeRun> {
  const { driver, tg, fleet } = b.rig;
  driver.clearRecorded();
  const conns = tg.connectionsAccepted;
  const since = Date.now() - 1;
  const chats = b.chatsFor(sc.level.reporters);
  // The scale-out setup: every process's commands (the Confirm's are the bots', the relay's the worker's).
  const mongoCommands = () => mongoCommandsOfAll(b.scaleOut ? fleet : [b.sut]);
  const mongoBefore = await mongoCommands();
  const bucketsBefore = await b.sut.updateBuckets();
  const { out, kernel } = await withKernelCounts(b.appPids, () =>
    withCpu(b.probe, () => runReporters(b.client, driver, chats, b.full, { deadlineMs: 600_000, check: b.check, journeys: sc.level.journeys, paceMs: sc.paceMs })),
  );
  const bucketsAfter = await b.sut.updateBuckets();
  const botSide = { p50: bucketQuantile(bucketsBefore, bucketsAfter, 0.5), p99: bucketQuantile(bucketsBefore, bucketsAfter, 0.99) };
  const mongo = mongoPerJourney(mongoBefore, await mongoCommands(), out.result.journeysCompleted);
  if (mongo) {
    b.figures[`${sc.key}.mongo`] = mongo.total;
    log(`${sc.key}: MongoDB commands per completed journey ${mongo.total} (${JSON.stringify(mongo.by)})`);
  }
  return { ...out, kernel, conns, since, botSide };
}

/**
 * Confirm -> available: the job's "added" entry in the tickets event stream carries Redis'
 * own timestamp, written in the same script that makes the job takeable.
 */
async function confirmToAvailable(b: BotBench, since: number): Promise<Summary> {
  const added = await ticketAddedTimes(b.rig.redis, b.rig.prefix, since);
  const reportIds = [...added.keys()].filter((id) => Types.ObjectId.isValid(id));
  const refs = await b.store.models.Report.find({ _id: { $in: reportIds } }, { reference: 1 }).lean<{ _id: Types.ObjectId; reference: string }[]>();
  const refOf = new Map(refs.map((r) => [r._id.toString(), r.reference]));
  const lat: number[] = [];
  for (const [jobId, at] of added) {
    const ref = refOf.get(jobId);
    const c = ref ? b.confirmOfReference.get(ref) : undefined;
    if (c !== undefined) lat.push(at - c);
  }
  return summarize(lat);
}

/** The scenario's figures; Bot API calls and connections are read as the double holds them now. */
function recordIntakeFigures(b: BotBench, sc: IntakeScenario, f: IntakeFigures, m: IntakeRun, s: Summary): { apiCalls: ReturnType<typeof callsPerUpdate>; kc: ReturnType<typeof perUpdate> | null } {
  const { figures } = b;
  const { tg, driver } = b.rig;
  const { result, cpu, wallS, kernel } = m;
  const k = sc.key;
  figures[`${k}.ups`] = f.updatesPerSec;
  figures[`${k}.rps`] = f.reportsPerSec;
  figures[`${k}.p50`] = f.serviceMs.p50;
  figures[`${k}.p95`] = f.serviceMs.p95;
  figures[`${k}.p99`] = f.serviceMs.p99;
  if (sc.paceMs) figures[`${k}.sched99`] = f.totalMs.p99;
  figures[`${k}.failed`] = result.journeysFailed;
  figures[`${k}.cpu`] = cpuMsPerUpdate(cpu.bot, wallS, result.updates);
  figures[`${k}.mainCpu`] = cpuMsPerUpdate(cpu.botMain, wallS, result.updates);
  // What the rest of the machine spent per update in the same run (for the ceiling below).
  figures[`${k}.mongoCpu`] = cpuMsPerUpdate(cpu.mongo, wallS, result.updates);
  figures[`${k}.redisCpu`] = cpuMsPerUpdate(cpu.redis, wallS, result.updates);
  figures[`${k}.driverCpu`] = cpuMsPerUpdate(cpu.driver, wallS, result.updates);
  figures[`${k}.busy`] = busyCores(cpu);
  figures[`${k}.conns`] = connectionsPer1000(tg.connectionsAccepted - m.conns, driver.state.recorded.length);
  if (m.botSide.p99 !== undefined) figures[`${k}.botP99`] = m.botSide.p99;
  const apiCalls = callsPerUpdate(driver.state.recorded, result.updates);
  figures[`${k}.calls`] = apiCalls.total;
  const kc = kernel ? perUpdate(kernel, result.updates) : null;
  if (kc) figures[`${k}.sys`] = kc.syscalls;
  figures[`${k}.c2a50`] = round(s.p50, 2);
  figures[`${k}.c2a99`] = round(s.p99, 2);
  return { apiCalls, kc };
}

/** Each conversation's session in Redis: MEMORY USAGE and the JSON's length (keys not found left out). */
async function sessionSizes(b: BotBench, chats: readonly ChatState[]): Promise<{ usage: number[]; lengths: number[] }> {
  const sessionKeys = chats.map((c) => `${b.rig.prefix}:sess:${sessionKey(b.store.cipher, c.user.id, c.chat.id)}`);
  const pipe = b.rig.redis.pipeline();
  for (const k of sessionKeys) pipe.call('MEMORY', 'USAGE', k, 'SAMPLES', '0');
  for (const k of sessionKeys) pipe.strlen(k);
  const res = (await pipe.exec()) ?? [];
  const usage = res.slice(0, sessionKeys.length).map(([, v]) => Number(v)).filter((v) => v > 0);
  const lengths = res.slice(sessionKeys.length).map(([, v]) => Number(v)).filter((v) => v > 0);
  return { usage, lengths };
}

/** 5. Memory: conversations left in progress at the review step (the largest draft). */
async function measureMemory(b: BotBench): Promise<void> {
  const { sizes } = b.ctx;
  const { redis, driver } = b.rig;
  const { figures, detail } = b;
  const rssBefore = rss(b.botPid);
  const usedBefore = await redisUsedMemory(redis);
  const inProgress = b.chatsFor(sizes.inProgress);
  const memRun = await runReporters(b.client, driver, inProgress, botJourney('confirm'), { deadlineMs: 600_000 });
  const { usage, lengths } = await sessionSizes(b, inProgress);
  const usedAfter = await redisUsedMemory(redis);
  const mem = await b.sut.memory();
  const rssAfter = rss(b.botPid);
  const memUsage = summarize(usage);
  detail.memory = {
    conversations: sizes.inProgress,
    completedToReview: memRun.journeysCompleted,
    sessionKeysFound: usage.length,
    sessionBytes: { mean: round(memUsage.mean, 0), p50: memUsage.p50, max: memUsage.max },
    sessionJsonChars: { mean: round(summarize(lengths).mean, 0), max: summarize(lengths).max },
    redisUsedMemoryDeltaPerConversation: round((usedAfter - usedBefore) / sizes.inProgress, 0),
    botRssBeforeMb: round(rssBefore.rss / 2 ** 20),
    botRssMb: round(rssAfter.rss / 2 ** 20),
    botPeakRssMb: round(rssAfter.peak / 2 ** 20),
    botHeapUsedMb: round(mem.heapUsed / 2 ** 20),
  };
  figures['mem.sessionBytes'] = round(memUsage.mean, 0);
  figures['mem.redisPerConversation'] = round((usedAfter - usedBefore) / sizes.inProgress, 0);
  figures['mem.rssMb'] = round(rssAfter.rss / 2 ** 20);
  figures['mem.peakRssMb'] = round(rssAfter.peak / 2 ** 20);
  // V8's heap at the same moment, used (garbage not yet collected included) and committed: the
  // RSS follows the collector's sawtooth, not the conversations (BENCHMARKS.md, issue 17).
  figures['mem.heapUsedMb'] = round(mem.heapUsed / 2 ** 20);
  figures['mem.heapTotalMb'] = round(mem.heapTotal / 2 ** 20);
  log(`memory: ${JSON.stringify(detail.memory)}`);
}

/** A ticket an agent took. */
interface Taken {
  reportId: string;
  reference: string;
  agent: string;
}

/**
 * 3b. Agents: 10 concurrent agents take the whole backlog as the console does
 * (TicketService.takeNext: the take, then its "taken" notice stored and queued).
 */
async function takeBacklog(b: BotBench): Promise<{ taken: Taken[]; takeStartMs: number }> {
  const { sizes } = b.ctx;
  const agents = Array.from({ length: sizes.agents }, () => new Types.ObjectId().toString());
  const taken: Taken[] = [];
  const takeStart = performance.now();
  const takeStartMs = Date.now();
  const takeTimes: number[] = [];
  await Promise.all(
    agents.map(async (agent) => {
      for (let i = 0; i < 100_000; i++) {
        const t0 = performance.now();
        const r = await b.tickets.takeNext({ id: agent, role: 'agent' });
        if (!r.ok) return;
        takeTimes.push(performance.now() - t0);
        taken.push({ reportId: r.report._id.toString(), reference: r.report.reference, agent });
      }
    }),
  );
  const takeS = (performance.now() - takeStart) / 1000;
  const takeLat = summarize(takeTimes);
  b.detail.takes = { agents: sizes.agents, taken: taken.length, seconds: round(takeS, 2), perSecond: round(taken.length / takeS), takeNextMs: { p50: round(takeLat.p50, 2), p99: round(takeLat.p99, 2) } };
  b.figures['take.perSec'] = round(taken.length / takeS);
  b.figures['take.p99'] = round(takeLat.p99, 2);
  log(`takes: ${JSON.stringify(b.detail.takes)}`);
  return { taken, takeStartMs };
}

/** One ticket per reporter (reporters who filed twice have two tickets but one chat), by agent. */
function replyTargets(b: BotBench, taken: readonly Taken[]): { chatIds: Set<number>; perAgent: Map<string, Taken[]> } {
  const seenChats = new Set<number>();
  const withChat = taken
    .filter((t) => {
      const id = b.chatOfReference.get(t.reference)?.chat.id;
      if (id === undefined || seenChats.has(id)) return false;
      seenChats.add(id);
      return true;
    })
    .slice(0, b.ctx.sizes.deliveryChats);
  const chatIds = new Set(withChat.map((t) => b.chatOfReference.get(t.reference)!.chat.id));
  // Each agent works through its own tickets and sends a burst of replies to each reporter in
  // turn (as people do), so the queue holds several messages for the same chat at once and
  // per-chat pacing is exercised alongside the overall limit.
  const perAgent = new Map<string, Taken[]>();
  for (const t of withChat) perAgent.set(t.agent, [...(perAgent.get(t.agent) ?? []), t]);
  return { chatIds, perAgent };
}

/** Each agent's replies, `perChat` to each of its tickets in turn; how many were queued and refused. */
async function queueReplies(tickets: TicketService, perAgent: Map<string, Taken[]>, perChat: number): Promise<{ queued: number; refused: number }> {
  let refused = 0;
  let queued = 0;
  await Promise.all(
    [...perAgent.values()].map(async (list) => {
      for (const t of list) {
        for (let k = 0; k < perChat; k++) {
          const msg = await tickets.reply(t.reportId, { id: t.agent, role: 'agent' }, `Asante. We have your report and an officer will call you. (${k + 1})`);
          if (msg) queued++;
          else refused++;
        }
      }
    }),
  );
  return { queued, refused };
}

/** The replies sent to `chatIds` since `since`, once `expected` of them are (or twice the queue's pace and a minute more have passed). */
async function awaitDelivered(driver: DoubleDriver, since: number, chatIds: Set<number>, expected: number): Promise<RecordedCall[]> {
  const deadline = Date.now() + (expected / REPLIES_PER_SEC) * 1000 * 2 + 60_000;
  const delivered = () => driver.callsSince('sendMessage', since).filter((c) => c.ok && chatIds.has(Number(c.params.chat_id)));
  let sends = delivered();
  while (sends.length < expected && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    sends = delivered();
  }
  return sends;
}

/** 4. Delivery: agents' replies to reporters, through the replies queue and worker. */
async function measureDelivery(b: BotBench, taken: readonly Taken[], takeStartMs: number): Promise<void> {
  const { driver } = b.rig;
  const { chatIds, perAgent } = replyTargets(b, taken);
  // The takes' "taken" notices go first (each chat's own order); replies are timed after them.
  const takenBy = Date.now() + 120_000;
  const noticesSent = () => driver.callsSince('sendMessage', takeStartMs).filter((c) => c.ok && /R-[A-Z0-9]{4}-[A-Z0-9]{4}/.test(String(c.params.text))).length;
  while (noticesSent() < taken.length && Date.now() < takenBy) await new Promise((r) => setTimeout(r, 200));
  driver.clearRecorded();
  const enqueueStart = Date.now();
  const { queued, refused } = await queueReplies(b.tickets, perAgent, b.ctx.sizes.repliesPerChat);
  const enqueueEnd = Date.now();
  const expected = queued;
  log(`delivery: ${expected} replies to ${chatIds.size} chats queued in ${enqueueEnd - enqueueStart} ms; waiting for the worker`);
  const sends = await awaitDelivered(driver, enqueueStart, chatIds, expected);
  recordDelivery(b, { sends, expected, refused, chats: chatIds.size, enqueueStart, enqueueEnd });
}

/** Per chat: the smallest gap between two replies, how many gaps were under 1 s, the most in any 1 s, and when each chat's last reply came. */
function chatPacing(sends: readonly RecordedCall[]): { minGap: number; gapsUnder1s: number; chatWindowMax: number; lastPerChat: number[] } {
  const perChat = new Map<number, number[]>();
  for (const c of sends) {
    const id = Number(c.params.chat_id);
    const list = perChat.get(id) ?? [];
    list.push(c.at);
    perChat.set(id, list);
  }
  let minGap = Number.POSITIVE_INFINITY;
  let chatWindowMax = 0;
  let gapsUnder1s = 0;
  for (const list of perChat.values()) {
    list.sort((a, b) => a - b);
    for (let i = 1; i < list.length; i++) {
      const gap = list[i] - list[i - 1];
      minGap = Math.min(minGap, gap);
      if (gap < 1000) gapsUnder1s++;
    }
    chatWindowMax = Math.max(chatWindowMax, maxInSlidingWindow(list, 1000));
  }
  const lastPerChat = [...perChat.values()].map((l) => l[l.length - 1]).sort((a, b) => b - a);
  return { minGap, gapsUnder1s, chatWindowMax, lastPerChat };
}

interface DeliveryRun {
  sends: RecordedCall[];
  expected: number;
  refused: number;
  chats: number;
  enqueueStart: number;
  enqueueEnd: number;
}

/** The delivery's figures and detail from the replies the double saw sent. */
function recordDelivery(b: BotBench, d: DeliveryRun): void {
  const { sends, expected, enqueueStart, enqueueEnd } = d;
  const times = sends.map((c) => c.at).sort((a, b) => a - b);
  const outOfOrder = repliesOutOfOrder(sends);
  const { minGap, gapsUnder1s, chatWindowMax, lastPerChat } = chatPacing(sends);
  const spanS = times.length > 1 ? (times[times.length - 1] - times[0]) / 1000 : Number.NaN;
  // The rate while enough chats wait to fill it (issue 17's target): from the last reply queued
  // until fewer than `REPLIES_PER_SEC` chats still have a message to come (1 a second each).
  const backlogEnd = lastPerChat.length >= REPLIES_PER_SEC ? lastPerChat[REPLIES_PER_SEC - 1] : enqueueEnd;
  const backlogS = (backlogEnd - enqueueEnd) / 1000;
  const backlogRate = backlogS >= 2 ? round(times.filter((t) => t >= enqueueEnd && t < backlogEnd).length / backlogS, 2) : null;
  const failedSends = b.rig.driver.callsSince('sendMessage', enqueueStart).filter((c) => !c.ok).length;
  b.detail.delivery = {
    replies: expected,
    refused: d.refused,
    chats: d.chats,
    delivered: sends.length,
    failedSendCalls: failedSends,
    enqueueSeconds: round((enqueueEnd - enqueueStart) / 1000, 2),
    sendRatePerSec: round((times.length - 1) / spanS, 2),
    sendRateWhileChatsWaitPerSec: backlogRate,
    secondsWithEnoughChatsWaiting: round(Math.max(0, backlogS), 1),
    maxInAnySlidingSecond: maxInSlidingWindow(times, 1000),
    maxInOneCalendarSecond: maxPerCalendarSecond(times),
    configuredPerSecond: REPLIES_PER_SEC,
    perChat: { minGapMs: Number.isFinite(minGap) ? minGap : null, gapsUnder1s, maxInAnySlidingSecond: chatWindowMax, outOfOrder },
    drainSecondsFromFirstQueued: times.length ? round((times[times.length - 1] - enqueueStart) / 1000, 1) : null,
  };
  const { figures } = b;
  figures['del.rate'] = round((times.length - 1) / spanS, 2);
  figures['del.rateBacklog'] = backlogRate ?? Number.NaN;
  figures['del.maxSliding'] = maxInSlidingWindow(times, 1000);
  figures['del.maxCalendar'] = maxPerCalendarSecond(times);
  figures['del.chatMinGap'] = Number.isFinite(minGap) ? minGap : Number.NaN;
  figures['del.chatMaxSliding'] = chatWindowMax;
  figures['del.outOfOrder'] = outOfOrder;
  figures['del.drainS'] = times.length ? round((times[times.length - 1] - enqueueStart) / 1000, 1) : Number.NaN;
  figures['del.missing'] = expected - sends.length;
  log(`delivery: ${JSON.stringify(b.detail.delivery)}`);
}

/** Stops whatever runBot started, drops a real MongoDB's bench database, and deletes the run's Redis keys. */
async function stopBotRig(rig: BotRig): Promise<void> {
  await rig.queues?.close().catch(() => undefined);
  await Promise.all(rig.consoleRedis.map(closeRedis));
  if (rig.fleet.length) await Promise.all(rig.fleet.map((f) => f.stop()));
  else await rig.sut?.stop();
  if (rig.conn) {
    if (process.env.MONGODB_URI) await rig.conn.dropDatabase().catch(() => undefined);
    await rig.conn.close().catch(() => undefined);
  }
  await rig.mongo?.stop();
  await rig.tg.stop();
  const deleted = await cleanupPrefix(rig.redis, rig.prefix).catch(() => -1);
  log(`cleaned up ${deleted} Redis keys under ${rig.prefix}:`);
  await closeRedis(rig.redis);
}

/**
 * The real bot against a fresh database and prefix. `botProcesses` > 1: the scale-out setup
 * instead of the single `bot,worker` process; then only its intake levels, under the figure keys
 * `scale.<reporters>.*` (CPU per update: all its processes together, worker included).
 */
async function runBot(ctx: RunContext, ids: Ids, figures: RunFigures, detail: Record<string, unknown>, botProcesses = 1): Promise<void> {
  const { opts } = ctx;
  const scaleOut = botProcesses > 1;
  const rig = await openBotRig(opts);
  try {
    const mongoUri = await openBenchMongo(ctx, rig, detail);
    const { sut, bots } = await startApp(ctx, rig, mongoUri, botProcesses);
    const { store, tickets } = await startConsoleSide(rig, mongoUri);
    const b = botBench({ ctx, rig, figures, detail, scaleOut, sut, store, tickets, ids, bots });
    // The webhook client's sockets are closed on every way out, the early return included.
    try {
      await warmUp(b);
      await runIntake(b);
      if (opts.profile || opts.intakeOnly || scaleOut) return;
      if (!opts.deliveryOnly) await measureMemory(b);
      const { taken, takeStartMs } = await takeBacklog(b);
      if (!opts.skipDelivery) await measureDelivery(b, taken, takeStartMs);
    } finally {
      b.client.close();
    }
  } finally {
    await stopBotRig(rig);
  }
}

async function oneRun(ctx: RunContext): Promise<RunOutput> {
  const figures: RunFigures = {};
  const detail: Record<string, unknown> = { startedAt: new Date().toISOString() };
  const ids = new Ids(100_000_000 + ctx.runIndex * 10_000_000 + Math.floor(Math.random() * 1_000_000) * 1);
  if (!ctx.opts.skipFloor) await runFloor(ctx, ids, figures, detail);
  if (!ctx.opts.skipFloor && ctx.opts.floorRedis) await runFloor(ctx, ids, figures, detail, 'floorRedis');
  if (!ctx.opts.skipBot) await runBot(ctx, ids, figures, detail);
  if (!ctx.opts.skipBot && ctx.opts.botProcesses > 1) {
    const scaleDetail: Record<string, unknown> = { botProcesses: ctx.opts.botProcesses };
    await runBot(ctx, ids, figures, scaleDetail, ctx.opts.botProcesses);
    detail.scaleOut = scaleDetail;
  }
  for (const n of ctx.sizes.levels.map((l) => l.reporters)) {
    const scaled = figures[`scale.${n}.ups`];
    if (scaled !== undefined && figures[`bot.${n}.ups`] !== undefined) figures[`scaleGain.${n}`] = round(scaled / figures[`bot.${n}.ups`], 2);
    const ours = figures[`bot.${n}.ups`];
    const floor = figures[`floor.${n}.ups`];
    if (ours !== undefined && floor !== undefined) figures[`ratio.${n}`] = round((ours / floor) * 100, 1);
    const floorRedis = figures[`floorRedis.${n}.ups`];
    if (floorRedis !== undefined && floor !== undefined) figures[`ratioFloorRedis.${n}`] = round((floorRedis / floor) * 100, 1);
    if (ours !== undefined && floorRedis !== undefined) figures[`ratioRedis.${n}`] = round((ours / floorRedis) * 100, 1);
    const ourCpu = figures[`bot.${n}.cpu`];
    const floorCpu = figures[`floor.${n}.cpu`];
    if (ourCpu !== undefined && floorCpu !== undefined) figures[`cpuRatio.${n}`] = round((floorCpu / ourCpu) * 100, 1);
    const ceiling = ceilingShare(figures, n);
    if (ceiling !== undefined) figures[`ceiling.${n}`] = ceiling;
  }
  return { figures, detail };
}

async function main(): Promise<void> {
  if (process.argv.includes('--triage-only')) return runTriageBench(process.argv.slice(2));
  if (process.argv.includes('--surge-only')) return void (await runSurgeBench(process.argv.slice(2)));
  const opts = parseArgs(process.argv.slice(2));
  const base = opts.quick ? QUICK : FULL;
  const sizes: Sizes = {
    ...base,
    ...(opts.paced ? { paced: opts.paced.map((offered) => ({ reporters: 200, offered, journeys: 2 })) } : {}),
    ...(process.argv.includes('--no-paced') ? { paced: [] } : {}),
    ...(opts.levels ? { levels: opts.levels.map((reporters) => ({ reporters, journeys: opts.journeys })) } : {}),
    ...(opts.inProgress ? { inProgress: opts.inProgress } : {}),
    ...(opts.warmup ? { warmup: opts.warmup } : {}),
  };
  const logDir = join(ROOT, 'bench', 'logs');
  mkdirSync(logDir, { recursive: true });
  if (opts.profile) mkdirSync(join(ROOT, 'bench', 'profiles'), { recursive: true });
  const m = machine();
  const started = new Date();
  log(`Ripoti benchmark, ${opts.quick ? 'QUICK' : 'FULL'} mode, ${opts.runs} run(s), ${m.cores} cores (${m.cpuModel}), ${opts.connections} webhook connections`);
  const runs: RunOutput[] = [];
  for (let i = 0; i < opts.runs; i++) {
    log(`---- run ${i + 1} of ${opts.runs}`);
    runs.push(await oneRun({ opts, sizes, runIndex: i + 1, logDir }));
  }
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r.figures)))];
  const medians: RunFigures = Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r.figures[k] ?? Number.NaN))]));
  const header = `Ripoti benchmark ${started.toISOString().slice(0, 16)}Z, ${m.cores} cores (${m.cpuModel}), ${opts.quick ? 'QUICK' : 'FULL'} mode${opts.dist ? ', bot from dist/' : ''}${opts.deliveryOnly ? ' (delivery only)' : ''}${opts.skipDelivery && !opts.profile ? ' (without delivery)' : ''}, median of ${runs.length} run(s), ${opts.connections} webhook connections${opts.botProcesses > 1 ? `, scale-out: ${opts.botProcesses} bot processes + 1 worker` : ''}`;
  const table = printTable(header, medians, runs.map((r) => r.figures), sizes.levels.map((l) => l.reporters), sizes.paced.map((p) => p.offered), opts.botProcesses, opts.targetRates);
  const out = {
    date: started.toISOString(),
    machine: m,
    mode: `${opts.quick ? 'quick' : opts.profile ? 'profile' : 'full'}${opts.deliveryOnly ? ', delivery only' : ''}${opts.skipDelivery ? ', without delivery' : ''}`,
    sizes,
    connections: opts.connections,
    labels: Object.fromEntries(
      figureList(sizes.levels.map((l) => l.reporters), sizes.paced.map((p) => p.offered), opts.botProcesses, opts.targetRates).map((f) => [f.key, `${f.label}${f.unit ? ` (${f.unit})` : ''}`]),
    ),
    medians,
    runs,
  };
  writeFileSync(join(ROOT, 'bench', opts.out), `${JSON.stringify(out, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`);
  const md = opts.out.replace(/\.json$/, '.md');
  writeFileSync(join(ROOT, 'bench', md), `${table}\n`);
  log(`wrote bench/${opts.out} and bench/${md}`);
  if (!process.argv.includes('--skip-triage')) await runTriageBench(process.argv.slice(2));
  if (!process.argv.includes('--skip-surge')) await runSurgeBench(process.argv.slice(2));
}

runMain(main);

/** Replies that reached their chat before one written earlier to it (each reply ends with its number, "(k)"). */
function repliesOutOfOrder(sends: { at: number; params: Record<string, unknown> }[]): number {
  const last = new Map<number, number>();
  let late = 0;
  for (const c of [...sends].sort((a, b) => a.at - b.at)) {
    const n = Number(/\((\d+)\)$/.exec(String(c.params.text))?.[1]);
    const chat = Number(c.params.chat_id);
    if (!Number.isFinite(n)) continue;
    if (n < (last.get(chat) ?? 0)) late++;
    else last.set(chat, n);
  }
  return late;
}
