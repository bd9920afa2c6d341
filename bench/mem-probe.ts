/**
 * What is resident in the dist bot, phase by phase (issue 17): `npm run build && npx tsx
 * bench/mem-probe.ts`. Starts `node dist/main.js <PROBE_ROLES>` (default bot,worker) with
 * PROBE_NODE_ARGS (e.g. `--max-semi-space-size=8`), runs 50 journeys (warm-up), 200 journeys, then
 * PROBE_N (1000) conversations left at the review; after each prints VmRSS (anonymous vs
 * file-backed), V8's heap by space (from the process's /metrics) and CPU and GC time per update.
 * With `--heapsnapshot-signal=SIGUSR2` in PROBE_NODE_ARGS it also writes a heap snapshot at the end
 * (a full GC first: the live heap). PROBE_ALLOC=1 with a preload that samples allocations on
 * SIGUSR2 marks the phases. A development tool: one run, figures vary with the GC's timing.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { TelegramDouble } from '../test/support/telegram';
import { spawnChild } from './lib/child';
import { metricsMemory, migrateIndexes, startBotSut, type BotSut } from './lib/bot-sut';
import { DoubleDriver } from './lib/double';
import { botJourney } from './lib/journeys';
import { runReporters, WebhookClient } from './lib/load';
import { cpuSeconds } from './lib/sysinfo';
import { runMain } from './lib/run-main';

function status(pid: number): Record<string, number> {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const out: Record<string, number> = {};
  for (const k of ['VmRSS', 'VmHWM', 'RssAnon', 'RssFile', 'RssShmem']) out[k] = Math.round(Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1]) / 1024);
  return out;
}

/**
 * Prints a phase's line: VmRSS and V8's heap by space; with `updates`, first the CPU and GC
 * time per update and the collections since the previous phase.
 */
function phasePrinter(sut: BotSut): (label: string, updates?: number) => Promise<void> {
  const origin = new URL(sut.url).origin;
  let last: { cpu: number; gc: number; minor: number; major: number } = { cpu: 0, gc: 0, minor: 0, major: 0 };
  return async (label: string, updates = 0) => {
    const m = await metricsMemory(origin);
    const now = {
      cpu: cpuSeconds(sut.pid),
      gc: Object.entries(m).filter(([k]) => k.startsWith('gc.') && k.endsWith('.sum')).reduce((a, [, v]) => a + v, 0),
      minor: m['gc.minor.count'] ?? 0,
      major: m['gc.major.count'] ?? 0,
    };
    if (updates) console.log(`  ${label}: ${updates} updates, cpu ${((now.cpu - last.cpu) * 1000 / updates).toFixed(2)} ms/update, gc ${((now.gc - last.gc) * 1000 / updates).toFixed(3)} ms/update, minor ${now.minor - last.minor}, major ${now.major - last.major}`);
    last = now;
    const mb = (v: number | undefined) => (v === undefined ? '-' : (v / 2 ** 20).toFixed(1));
    console.log(
      `${label}: ${JSON.stringify(status(sut.pid))} heapUsed ${mb(m.heapUsed)} heapTotal ${mb(m.heapTotal)} external ${mb(m.external)} | ` +
        Object.keys(m).filter((k) => k.endsWith('.used')).map((k) => k.slice(0, -5)).map((s) => `${s} ${mb(m[`${s}.used`])}/${mb(m[`${s}.total`])}`).join(', ') +
        ` cpu ${cpuSeconds(sut.pid).toFixed(1)} s`,
    );
  };
}

async function main(): Promise<void> {
  const roles = process.env.PROBE_ROLES ?? 'bot,worker';
  const nodeArgs = (process.env.PROBE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const n = Number(process.env.PROBE_N ?? 1000);
  const mongo = await spawnChild({ name: 'mongo', script: 'bench/mongo-server.ts', env: {}, logFile: '/tmp/memscale-mongo.log' });
  const u = new URL(mongo.url);
  u.pathname = `/probe_${randomBytes(4).toString('hex')}`;
  await migrateIndexes(u.toString());
  const tg = await TelegramDouble.start();
  const driver = new DoubleDriver(tg, 5_000_000);
  const secret = randomBytes(24).toString('base64url');
  const prefix = `probe-${randomBytes(4).toString('hex')}`;
  const sut = await startBotSut({ telegram: tg, secret, connections: 40, mongoUri: u.toString(), redisUrl: 'redis://127.0.0.1:6379', prefix, dataKey: `k1:${randomBytes(32).toString('base64')}`, sendRate: 0, logFile: '/tmp/memscale-probe-bot.log', dist: true, roles, nodeArgs });
  const show = phasePrinter(sut);
  await show('idle');
  const client = new WebhookClient(sut.url, secret, 40, undefined, driver.runReply);
  let id = 300_000_000 + Math.floor(Math.random() * 1e6) * 10;
  const chats = (k: number) => Array.from({ length: k }, (_, i) => driver.addReporter(id++, i % 3 === 0 ? 'sw' : 'en'));
  const warm = await runReporters(client, driver, chats(50), botJourney(), { deadlineMs: 180_000 });
  console.log(`warm: ${warm.journeysCompleted}/50, ${warm.updates} updates in ${(warm.wallMs / 1000).toFixed(1)} s`);
  await show('after warm-up', warm.updates);
  if (process.env.PROBE_ALLOC) process.kill(sut.pid, 'SIGUSR2');
  const w2 = await runReporters(client, driver, chats(200), botJourney(), { deadlineMs: 300_000 });
  console.log(`200: ${w2.journeysCompleted}/200, ${(w2.updates / (w2.wallMs / 1000)).toFixed(0)} updates/s`);
  await show('after 200 journeys', w2.updates);
  if (process.env.PROBE_ALLOC) process.kill(sut.pid, 'SIGUSR2');
  driver.clearRecorded();
  const mem = await runReporters(client, driver, chats(n), botJourney('confirm'), { deadlineMs: 600_000 });
  console.log(`in progress: ${mem.journeysCompleted}/${n}`);
  await show(`${n} in progress`, mem.updates);
  if (process.env.PROBE_ALLOC) process.kill(sut.pid, 'SIGUSR2');
  // V8's memory reducer runs a full GC after about 8 s with little allocation.
  await new Promise((r) => setTimeout(r, 30_000));
  await show(`${n} in progress, 30 s later`);
  if (nodeArgs.some((a) => a.startsWith('--heapsnapshot-signal'))) {
    process.kill(sut.pid, 'SIGUSR2');
    await new Promise((r) => setTimeout(r, 15000));
    await show('after heap snapshot (full GC)');
  }
  client.close();
  await sut.stop();
  await tg.stop();
  await mongo.stop();
}

runMain(main);
