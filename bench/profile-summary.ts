/**
 * `npx tsx bench/profile-summary.ts bench/profiles/<file>.cpuprofile [top] [skipSeconds]`: where a V8 CPU profile
 * (from `npm run bench -- --profile`, i.e. `node --cpu-prof`) spent its time: self time by
 * function, self time by package or source file, and inclusive time of the project's own
 * functions (src/), so a hot path can be followed from our code into the libraries it calls.
 * `skipSeconds` leaves out the start of the profile (process start-up, module loading, warm-up).
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/**
 * node_modules/<pkg> (scoped too), src/<file>, test/<file>, node:internal, or the V8 pseudo-frames.
 * The `dist/` build (`--dist`) reads as its source: dist/bot/x.js is src/bot/x.js.
 */
export function bucketOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  const built = /\/dist\/(.+)\.js$/.exec(url);
  if (built) return `src/${built[1]}.ts`;
  const local = /\/(src|test|bench)\/(.+)$/.exec(url);
  if (local) return `${local[1]}/${local[2]}`;
  if (url.startsWith('node:')) return 'node:internal';
  return url;
}

/** Self time (µs) by profile node, from `skipUs` into the profile on, and the total sampled. */
function selfTimes(p: CpuProfile, skipUs: number): { self: Map<number, number>; total: number } {
  const self = new Map<number, number>();
  let total = 0;
  let clock = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    clock += dt;
    if (clock < skipUs) return;
    self.set(id, (self.get(id) ?? 0) + dt);
    total += dt;
  });
  return { self, total };
}

const label = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${bucketOf(f.url, f.functionName)}:${f.lineNumber + 1}`;

/** The four tables: self time by function and by package / file, inclusive time by package / file and of src/ functions. */
interface Tables {
  fnSelf: Map<string, number>;
  bucketSelf: Map<string, number>;
  srcInclusive: Map<string, number>;
  bucketInclusive: Map<string, number>;
}

function tables(p: CpuProfile, self: Map<number, number>): Tables {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const t: Tables = { fnSelf: new Map(), bucketSelf: new Map(), srcInclusive: new Map(), bucketInclusive: new Map() };
  for (const [id, us] of self) {
    const n = byId.get(id);
    if (!n) continue;
    t.fnSelf.set(label(n.callFrame), (t.fnSelf.get(label(n.callFrame)) ?? 0) + us);
    const b = bucketOf(n.callFrame.url, n.callFrame.functionName);
    t.bucketSelf.set(b, (t.bucketSelf.get(b) ?? 0) + us);
    // Inclusive time of our own functions and of each package: walk up once per distinct frame.
    const seen = new Set<string>();
    const seenBuckets = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)?.callFrame;
      const fb = f ? bucketOf(f.url, f.functionName) : '';
      if (f && f.url && !seenBuckets.has(fb)) {
        seenBuckets.add(fb);
        t.bucketInclusive.set(fb, (t.bucketInclusive.get(fb) ?? 0) + us);
      }
      if (f && bucketOf(f.url, f.functionName).startsWith('src/')) {
        const key = label(f);
        if (!seen.has(key)) {
          seen.add(key);
          t.srcInclusive.set(key, (t.srcInclusive.get(key) ?? 0) + us);
        }
      }
    }
  }
  return t;
}

function main(): void {
  const file = process.argv[2];
  const top = Number(process.argv[3] ?? 25);
  const skipUs = Number(process.argv[4] ?? 0) * 1e6;
  if (!file) {
    console.error('usage: tsx bench/profile-summary.ts <file.cpuprofile> [top]');
    process.exit(2);
  }
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const { self, total } = selfTimes(p, skipUs);
  const { fnSelf, bucketSelf, srcInclusive, bucketInclusive } = tables(p, self);
  const ms = (us: number) => (us / 1000).toFixed(0).padStart(7);
  const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
  const print = (title: string, m: Map<string, number>, n: number) => {
    console.log(`\n${title}`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${ms(us)} ms ${pct(us)}  ${k}`);
  };
  console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
  print('Self time by package / file', bucketSelf, top);
  print('Self time by function', fnSelf, top);
  print('Inclusive time by package / file (time with that code on the stack)', bucketInclusive, top);
  print('Inclusive time of src/ functions', srcInclusive, top);
}

if (require.main === module) main();
