/**
 * `npm run bench -- --triage-only` (or `npx tsx bench/triage.ts [--fixture file]`): quality and
 * speed of the triage linker (src/domain/triage, issue 16). Pure CPU, no services.
 *
 * Quality: the labelled set test/fixtures/triage/reports.json is replayed in the order the reports
 * arrived; each report is linked against every earlier one (as the service would on intake), and
 * every pair it proposes is checked against the `incident` labels. Pairwise precision and recall
 * at the default threshold, and a sweep. Speed: 10,000 recent reports (generated with other seeds)
 * in a TriageIndex; time to link one report, median and p99 of 200 runs, for a spread over the
 * counties as generated and for the worst case of all 10,000 in one county within the window.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_LINK_OPTIONS, TriageIndex, type TriageReport } from '../src/domain/triage';
import { generate, type Fixture, type FixtureReport } from '../test/fixtures/triage/generate';
import { summarize } from './lib/stats';
import { machine } from './lib/sysinfo';

const FIXTURE = join(__dirname, '..', 'test', 'fixtures', 'triage', 'reports.json');
const DEV_SEEDS = [2, 3, 4, 5, 6, 7, 8];

export const toTriage = (r: FixtureReport, idPrefix = ''): TriageReport => ({
  id: idPrefix + r.id,
  kind: r.kind,
  category: r.category,
  county: r.county,
  createdAt: new Date(r.createdAt),
  incidentAt: new Date(r.incidentAt),
  when: r.when,
  place: r.place,
  story: r.story,
  plate: r.plate,
  policeStation: r.policeStation,
  pollingStation: r.pollingStation,
});

export interface ScoredPair {
  a: string;
  b: string;
  score: number;
  same: boolean;
}

/** Every pair the linker scores above `floor`, each report linked against the earlier ones. */
export function replay(fx: Fixture, floor = 0.2): { pairs: ScoredPair[]; truePairs: number } {
  const incidentOf = new Map(fx.reports.map((r) => [r.id, r.incident]));
  const index = new TriageIndex({ threshold: floor, limit: Number.MAX_SAFE_INTEGER });
  const pairs: ScoredPair[] = [];
  for (const r of fx.reports) {
    const t = toTriage(r);
    for (const c of index.link(t)) pairs.push({ a: r.id, b: c.id, score: c.score, same: incidentOf.get(c.id) === r.incident });
    index.add(t);
  }
  const sizes = new Map<string, number>();
  for (const r of fx.reports) sizes.set(r.incident, (sizes.get(r.incident) ?? 0) + 1);
  const truePairs = [...sizes.values()].reduce((s, n) => s + (n * (n - 1)) / 2, 0);
  return { pairs, truePairs };
}

export function quality(pairs: ScoredPair[], truePairs: number, threshold: number) {
  const predicted = pairs.filter((p) => p.score >= threshold);
  const tp = predicted.filter((p) => p.same).length;
  return { threshold, predicted: predicted.length, tp, fp: predicted.length - tp, fn: truePairs - tp, precision: predicted.length ? tp / predicted.length : 1, recall: truePairs ? tp / truePairs : 1 };
}

/** Wall time and this process's CPU time (user + system) per link; on a shared machine the second is the fairer one. */
function timing(index: TriageIndex, queries: TriageReport[], runs: number) {
  for (let i = 0; i < 50; i++) index.link(queries[i % queries.length]); // warm-up (JIT)
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const q = queries[i % queries.length];
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    index.link(q);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: summarize(wall), cpu: summarize(cpu) };
}

/** 10,000 reports from other seeds; `oneCounty` squeezes them into one county and 48 hours. */
function recentReports(n: number, oneCounty: boolean): TriageReport[] {
  const out: TriageReport[] = [];
  for (let seed = 1001; out.length < n; seed++) {
    for (const r of generate(seed).reports) {
      if (out.length >= n) break;
      const t = toTriage(r, `s${seed}-`);
      if (oneCounty) {
        const shift = (t.createdAt.getTime() % (48 * 3600_000)) - (t.createdAt.getTime() - Date.UTC(2027, 7, 9));
        out.push({ ...t, county: 47, createdAt: new Date(t.createdAt.getTime() + shift), incidentAt: new Date(t.incidentAt.getTime() + shift) });
      } else out.push(t);
    }
  }
  return out;
}

/** Recall by the languages of the two reports; wrong links by what the two incidents were. */
function breakdown(fx: Fixture, pairs: ScoredPair[], threshold: number): void {
  const byId = new Map(fx.reports.map((r) => [r.id, r]));
  const notes = new Map(fx.incidents.map((i) => [i.id, i.note?.replace(/ (as )?i\d+.*$/, '') ?? 'incident']));
  const found = new Set(pairs.filter((p) => p.same && p.score >= threshold).map((p) => `${p.a}|${p.b}`));
  const langs = new Map<string, [number, number]>();
  fx.reports.forEach((a, i) => {
    for (const b of fx.reports.slice(0, i)) {
      if (a.incident !== b.incident) continue;
      const k = [a.language, b.language].sort().join('-');
      const v = langs.get(k) ?? [0, 0];
      langs.set(k, [v[0] + (found.has(`${a.id}|${b.id}`) ? 1 : 0), v[1] + 1]);
    }
  });
  console.log(`\nRecall by languages of the pair: ${[...langs].sort().map(([k, [f, t]]) => `${k} ${f}/${t}`).join(', ')}`);
  const wrong = new Map<string, number>();
  for (const p of pairs.filter((x) => !x.same && x.score >= threshold)) {
    const k = [notes.get(byId.get(p.a)!.incident), notes.get(byId.get(p.b)!.incident)].sort().join(' ~ ');
    wrong.set(k, (wrong.get(k) ?? 0) + 1);
  }
  console.log(`Wrong links by kind of incidents: ${[...wrong].sort((x, y) => y[1] - x[1]).map(([k, n]) => `${k}: ${n}`).join('; ') || 'none'}`);
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const ms = (v: number) => `${v.toFixed(2)} ms`;

export async function runTriageBench(argv: string[] = []): Promise<void> {
  const file = argv.includes('--fixture') ? argv[argv.indexOf('--fixture') + 1] : FIXTURE;
  const fx = JSON.parse(readFileSync(file, 'utf8')) as Fixture;
  const m = machine();
  console.log(`\nTriage linking: ${fx.reports.length} labelled reports in ${fx.incidents.length} incidents (${file.replace(`${join(__dirname, '..')}/`, '')}, seed ${fx.seed}); ${m.cores} cores (${m.cpuModel}), Node ${m.node}`);
  const { pairs, truePairs } = replay(fx);
  const at = quality(pairs, truePairs, DEFAULT_LINK_OPTIONS.threshold);
  console.log(`\nAt the default threshold ${at.threshold}: precision ${pct(at.precision)}, recall ${pct(at.recall)} (${at.tp} of ${truePairs} same-incident pairs found, ${at.fp} wrong links)`);
  console.log('\n| Threshold | Precision | Recall | Links proposed | Wrong | Missed |\n|---|---|---|---|---|---|');
  for (const t of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]) {
    const q = quality(pairs, truePairs, t);
    console.log(`| ${t.toFixed(2)} | ${pct(q.precision)} | ${pct(q.recall)} | ${q.predicted} | ${q.fp} | ${q.fn} |`);
  }
  breakdown(fx, pairs, DEFAULT_LINK_OPTIONS.threshold);
  // The weights were set looking at these seeds; the committed set (seed 1) was not used to tune.
  const dev = DEV_SEEDS.map((seed) => {
    const run = replay(generate(seed));
    return quality(run.pairs, run.truePairs, DEFAULT_LINK_OPTIONS.threshold);
  });
  const sum = (k: 'tp' | 'predicted' | 'fn') => dev.reduce((s, q) => s + q[k], 0);
  const devP = sum('tp') / sum('predicted');
  const devR = sum('tp') / (sum('tp') + sum('fn'));
  console.log(`\nDevelopment seeds ${DEV_SEEDS.join(', ')} (weights set looking at these), at ${DEFAULT_LINK_OPTIONS.threshold}: precision ${pct(devP)}, recall ${pct(devR)}; per seed precision ${dev.map((q) => pct(q.precision)).join(' / ')}, recall ${dev.map((q) => pct(q.recall)).join(' / ')}`);
  const queries = fx.reports.map((r) => toTriage(r, 'q-'));
  console.log(`\nLoad average before timing: ${loadavg().map((l) => l.toFixed(1)).join(', ')} (${m.cores} cores)`);
  console.log('\n| Linking one report against 10,000 (200 runs) | Median | p99 | Max | CPU median | CPU p99 | Build the index |\n|---|---|---|---|---|---|---|');
  for (const oneCounty of [false, true]) {
    const recent = recentReports(10_000, oneCounty);
    const t0 = performance.now();
    const index = new TriageIndex();
    for (const r of recent) index.add(r);
    const build = performance.now() - t0;
    const qs = oneCounty ? queries.map((q) => ({ ...q, county: 47, createdAt: new Date(Date.UTC(2027, 7, 10, 6)), incidentAt: new Date(Date.UTC(2027, 7, 10, 6)), when: 'now' as const })) : queries;
    const s = timing(index, qs, 200);
    const label = oneCounty ? 'worst case: all in one county, within 48 h' : 'counties and days as generated';
    console.log(`| ${label} | ${ms(s.wall.p50)} | ${ms(s.wall.p99)} | ${ms(s.wall.max)} | ${ms(s.cpu.p50)} | ${ms(s.cpu.p99)} | ${(build / 1000).toFixed(1)} s |`);
  }
}

if (require.main === module) {
  runTriageBench(process.argv.slice(2)).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
