/**
 * `npx tsx bench/alloc-summary.ts bench/profiles/alloc-<pid>.json [top]`: what a sampled allocation
 * profile (bench/alloc-sampler.cjs) charged to each package or source file and to each function,
 * by the frame that allocated (self), collected objects included.
 */
import { readFileSync } from 'node:fs';
import { bucketOf } from './profile-summary';

interface Node {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: Node[];
}

function main(): void {
  const [file, topArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: npx tsx bench/alloc-summary.ts <alloc-profile.json> [top]');
  const top = Number(topArg ?? 30);
  const head = (JSON.parse(readFileSync(file, 'utf8')) as { head: Node }).head;
  const byBucket = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  const walk = (n: Node) => {
    const { functionName, url, lineNumber } = n.callFrame;
    const bucket = bucketOf(url, functionName || '(anonymous)');
    total += n.selfSize;
    byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + n.selfSize);
    const fn = `${functionName || '(anonymous)'} ${bucket}:${lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + n.selfSize);
    n.children.forEach(walk);
  };
  walk(head);
  const print = (title: string, m: Map<string, number>) => {
    console.log(`\n${title}`);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(v / 1e6).toFixed(1).padStart(8)} MB ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
  };
  console.log(`${file}: ${(total / 1e6).toFixed(1)} MB sampled`);
  print('Allocated by package / file', byBucket);
  print('Allocated by function', byFunction);
}

if (require.main === module) main();
