/**
 * `npx tsx bench/triage-intake.ts [--window N] [--links M]`: what linking one report costs on
 * intake through `TriageService` and MongoDB (the project's test server, a child process), not
 * the linker alone (bench/triage.ts). N reports (default 2,000) of one county within 48 hours are
 * stored; one warm-up link reads them all into the process's cache; then M reports (default 200,
 * the labelled set's stories) arrive one at a time in that county, each stored and linked (window
 * query, reads of reports not cached or changed since, the link, its writes on both reports).
 * Wall and CPU time per `link()`, and how many reports each link read from MongoDB: the links
 * written change the linked reports, which the next link may read again.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import mongoose, { Types } from 'mongoose';
import { createLogger } from '../src/logger';
import { TriageService } from '../src/services/triage-service';
import { createStore, type Store } from '../src/store';
import { generate, type Fixture, type FixtureReport } from '../test/fixtures/triage/generate';
import { spawnChild } from './lib/child';
import { summarize } from './lib/stats';
import { machine } from './lib/sysinfo';
import { runMain } from './lib/run-main';

const COUNTY = 47;
const arg = (name: string, def: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : def);

/** A stored report with the fixture's words, `minutesAgo` before now, in the one county. */
function doc(r: FixtureReport, minutesAgo: number) {
  const at = new Date(Date.now() - minutesAgo * 60_000);
  return {
    _id: new Types.ObjectId(), reference: `B${randomBytes(5).toString('hex')}`, idempotencyKey: randomUUID(), reporterId: new Types.ObjectId(),
    language: r.language === 'sw' ? 'sw' : 'en', kind: r.kind, category: r.category, county: COUNTY, when: 'now', incidentAt: at,
    place: r.place, description: { text: r.story }, dangerNow: false, anonymous: true, evidence: [], status: 'received', priority: 3,
    createdAt: at, updatedAt: at,
  };
}

async function measure(store: Store, window: number, links: number) {
  const recent: FixtureReport[] = [];
  for (let seed = 1001; recent.length < window; seed++) recent.push(...generate(seed).reports.slice(0, window - recent.length));
  const Report = store.models.Report.collection;
  for (let i = 0; i < recent.length; i += 500) await Report.insertMany(recent.slice(i, i + 500).map((r, j) => doc(r, 60 + ((i + j) * 47) % (46 * 60))));
  const service = new TriageService({ store, logger: createLogger({ level: 'silent' }) });
  // How many reports each link reads (what the cache did not hold, or held as it was before a change).
  let read = 0;
  const triageFields = store.incidents.triageFields.bind(store.incidents);
  store.incidents.triageFields = (ids) => ((read += ids.length), triageFields(ids));
  const fx = JSON.parse(readFileSync(join(__dirname, '..', 'test', 'fixtures', 'triage', 'reports.json'), 'utf8')) as Fixture;
  const link = async (r: FixtureReport) => {
    const d = doc(r, 5);
    await Report.insertOne(d);
    const stored = (await store.reports.findById(d._id))!;
    read = 0;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await service.link(stored);
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    return { wall, cpu: (c.user + c.system) / 1000, read };
  };
  const warm = await link(fx.reports[0]);
  const runs = [];
  for (let i = 1; i <= links; i++) runs.push(await link(fx.reports[i % fx.reports.length]));
  return { warm, wall: summarize(runs.map((r) => r.wall)), cpu: summarize(runs.map((r) => r.cpu)), read: summarize(runs.map((r) => r.read)) };
}

async function main(): Promise<void> {
  const window = arg('--window', 2000);
  const links = arg('--links', 200);
  const mongo = await spawnChild({ name: 'mongo test server', script: 'bench/mongo-server.ts', env: {}, logFile: join(tmpdir(), `triage-intake-mongo-${process.pid}.log`) });
  const conn = await mongoose.createConnection(mongo.url, { dbName: `bench_triage_${process.pid}` }).asPromise();
  try {
    const store = createStore(conn, [{ id: 'k1', key: randomBytes(32) }]);
    await store.ready();
    const m = machine();
    console.log(`Triage on intake: ${window} reports of one county within 48 h, then ${links} links; ${m.cores} cores (${m.cpuModel}), Node ${m.node}, load ${loadavg().map((l) => l.toFixed(1)).join(', ')}`);
    const s = await measure(store, window, links);
    const ms = (v: number) => `${v.toFixed(2)} ms`;
    console.log(`warm-up link (reads the window): ${ms(s.warm.wall)} wall, ${s.warm.read} reports read`);
    console.log('| per link | median | p99 | max |\n|---|---|---|---|');
    console.log(`| wall | ${ms(s.wall.p50)} | ${ms(s.wall.p99)} | ${ms(s.wall.max)} |`);
    console.log(`| CPU (this process) | ${ms(s.cpu.p50)} | ${ms(s.cpu.p99)} | ${ms(s.cpu.max)} |`);
    console.log(`| reports read | ${s.read.p50} | ${s.read.p99} | ${s.read.max} |`);
  } finally {
    await conn.dropDatabase();
    await conn.close();
    await mongo.stop();
  }
}

runMain(main);
